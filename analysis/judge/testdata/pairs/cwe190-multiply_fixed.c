#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    if (argc < 2) return 1;
    int count = atoi(argv[1]);
    if (count <= 0 || count > INT_MAX / 1024) return 1;
    int bytes = count * 1024;
    char *buf = malloc(bytes);
    if (buf == NULL) return 1;
    printf("%d\n", bytes);
    free(buf);
    return 0;
}
