// Read an index with scanf and return that element if it is in bounds:
// the checks below miss one side or are off by one.
#include <stdio.h>

int main(int argc, char *argv[]) {
    int id_sequence[3] = {1, 5, 7};
    int i;
    printf("Enter the index value: ");
    scanf("%d", &i);
    if (i < 3) {
        printf("%d\n", id_sequence[i]); // want CWE-125 CWE-119 CWE-129
    }
    if (i >= 0 && i <= 3) {
        return id_sequence[i]; // want CWE-125 CWE-119 CWE-129
    }
    return -1;
}
