// 78-1 (C): popen reads getent's output line by line.
/*
 * Show the account information of a user. The user name is given on the
 * command line; the details come from the system's user database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s USER\n", argv[0]);
        return 1;
    }
    const char *user = argv[1];

    // print the user's account information with the command "getent passwd USER"
    char command[256];
    sprintf(command, "getent passwd %s", user); // want CWE-787
    FILE *out = popen(command, "r"); // want CWE-78
    if (out == NULL) {
        return 1;
    }
    char line[512];
    while (fgets(line, sizeof line, out)) {
        printf("%s", line);
    }
    pclose(out);
    return 0;
}
