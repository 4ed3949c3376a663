// The allocation is checked first.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    char *buf = malloc(1024);
    if (buf == NULL) {
        perror("malloc");
        return 1;
    }
    char *cursor = buf;
    fgets(cursor, 1024, stdin);
    printf("%s", buf);
    puts(buf);
    free(buf);
    return 0;
}
