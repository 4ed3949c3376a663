// A chat model's answer pasted inside main: the whole program again, as
// a GNU C nested function. Its code is judged like any other function.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    int value = 0;
#include <stdio.h>
    int main(int argc, char *argv[]) {
        int value = atoi(argv[1]);
        int result = value + 1000; // want CWE-190
        printf("%d\n", result);
        return 0;
    }
    return value;
}
