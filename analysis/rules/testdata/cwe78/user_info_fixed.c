// The user name is checked against an allowed set before it goes into
// the command.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char *username = argv[1];
    char command[100] = {0};
    if (strlen(username) > 32 || strspn(username, "abcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(username)) {
        fprintf(stderr, "invalid user name\n");
        return 1;
    }
    snprintf(command, sizeof command, "getent passwd %s", username);
    system(command);
    return 0;
}
