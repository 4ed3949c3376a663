// The file named on the command line is opened as named: the user chose it, no directory is left.
#include <stdio.h>

static FILE *open_data(const char *name);

int main(int argc, char *argv[]) {
    if (argc != 2) {
        return 2;
    }
    FILE *fp = open_data(argv[1]);
    if (fp == NULL) {
        return 1;
    }
    fclose(fp);
    return 0;
}

static FILE *open_data(const char *name) {
    return fopen(name, "rb");
}
