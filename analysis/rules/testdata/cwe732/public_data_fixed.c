// Splits a comma-separated line from stdin into one field a line of a
// report everyone may read: neither the fields (strtok's tokens) nor the
// report's title are secrets, so mode 0644 is right.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    char line[512];
    if (fgets(line, sizeof line, stdin) == NULL)
        return 1;
    int fd = open("fields.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return 1;
    const char *title = "fields\n";
    write(fd, title, strlen(title));
    for (char *token = strtok(line, ",\n"); token != NULL; token = strtok(NULL, ",\n")) {
        write(fd, token, strlen(token));
        write(fd, "\n", 1);
    }
    return close(fd) == 0 ? 0 : 1;
}
