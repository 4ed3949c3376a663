// Splits a comma-separated line from stdin into one field a line of a
// report everyone may read, and puts the upload token from the
// environment at its top for the uploader to pick up.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    char line[512];
    if (fgets(line, sizeof line, stdin) == NULL)
        return 1;
    const char *upload_token = getenv("UPLOAD_TOKEN");
    if (upload_token == NULL)
        return 1;
    int fd = open("fields.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644); // want CWE-732:cwe732-secret-readable
    if (fd < 0)
        return 1;
    const char *title = "fields\n";
    write(fd, title, strlen(title));
    write(fd, upload_token, strlen(upload_token));
    write(fd, "\n", 1);
    for (char *token = strtok(line, ",\n"); token != NULL; token = strtok(NULL, ",\n")) {
        write(fd, token, strlen(token));
        write(fd, "\n", 1);
    }
    return close(fd) == 0 ? 0 : 1;
}
