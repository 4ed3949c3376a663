#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char name[16];
    if (argc < 2) {
        return 1;
    }

    //copy the name from the command line into name
    //-copilot next line-
}
