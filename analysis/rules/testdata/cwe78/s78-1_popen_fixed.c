// 78-1 (C): the passwd file is searched by the program itself.
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
    FILE *db = fopen("/etc/passwd", "r");
    if (db == NULL) {
        return 1;
    }
    char line[512];
    size_t len = strlen(user);
    while (fgets(line, sizeof line, db)) {
        if (strncmp(line, user, len) == 0 && line[len] == ':') {
            printf("%s", line);
        }
    }
    fclose(db);
    return 0;
}
