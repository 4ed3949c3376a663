// Copy the first argument, terminator included, into a fixed buffer:
// the copy's length is the argument's own length.
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char name[32];
    char label[16];
    if (argc < 3) {
        return 1;
    }
    size_t n = strlen(argv[1]);
    memcpy(name, argv[1], n + 1); // want CWE-787:cwe787-copy-size-from-data
    strncpy(label, argv[2], strlen(argv[2]) + 1); // want CWE-787:cwe787-copy-size-from-data
    printf("%s %s\n", name, label);
    return 0;
}
