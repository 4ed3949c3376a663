// Print the argument whose index is given in argv[1]. As the study's
// query sees it, a check against argc does not bound the index.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    int index = atoi(argv[1]);
    printf("%s\n", argv[index]); // want CWE-125 CWE-119 CWE-129
    if (index < 0 || index >= argc) {
        return 1;
    }
    printf("%s\n", argv[index]); // want CWE-125 CWE-119 CWE-129
    return 0;
}
