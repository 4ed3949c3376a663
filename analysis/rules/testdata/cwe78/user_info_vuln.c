// Print a user's account information, the user named on the command
// line; the command is built with strcat and run through popen.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char *username = argv[1];
    char command[100] = {0};
    strcpy(command, "getent passwd ");
    strncat(command, username, sizeof command - strlen(command) - 1);
    FILE *out = popen(command, "r"); // want CWE-78
    if (out == NULL) return 1;
    char line[256];
    while (fgets(line, sizeof line, out)) fputs(line, stdout);
    pclose(out);
    execl("/bin/sh", "sh", "-c", command, (char *)NULL); // want CWE-78
    return 0;
}
