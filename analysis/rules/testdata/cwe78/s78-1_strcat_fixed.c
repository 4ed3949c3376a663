// 78-1 (C): getent runs without a shell through execvp.
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
    char *const args[] = {"getent", "passwd", (char *) user, NULL};
    execvp("getent", args);
    perror("getent");
    return 1;
}
