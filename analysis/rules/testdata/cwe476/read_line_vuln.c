// Allocate a buffer and read a line from stdin into it.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    char *buf = malloc(1024);
    char *cursor = buf;
    fgets(cursor, 1024, stdin); // want CWE-476
    printf("%s", buf); // want CWE-476
    free(buf);
    return 0;
}
