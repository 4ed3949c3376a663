// 78-1 (C): the name is appended with strncat to a fixed command.
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
    char command[128] = "getent passwd ";
    strncat(command, user, sizeof command - strlen(command) - 1);
    if (system(command) != 0) { // want CWE-78
        fprintf(stderr, "no such user: %s\n", user);
        return 1;
    }
    return 0;
}
