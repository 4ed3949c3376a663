#include <stdio.h>
#include <string.h>

#define NAME_MAX_LEN 32

/* copy_name copies a name into a buffer of a known size. */
static int copy_name(char *dst, size_t size, const char *src) {
    if (strlen(src) >= size) {
        return -1;
    }
    strcpy(dst, src);
    return 0;
}

int main(int argc, char *argv[]) {
    char name[NAME_MAX_LEN];
    if (argc < 2) {
        fprintf(stderr, "usage: %s NAME\n", argv[0]);
        return 1;
    }
    if (copy_name(name, sizeof(name), argv[1]) != 0) {
        fprintf(stderr, "name too long\n");
        return 1;
    }
    printf("hello, %s\n", name);
    return 0;
}
