// Stores a session token for the next run: the descriptor is opened with
// an explicit mode and wrapped in a stdio stream.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
    const char *session_token = getenv("APP_SESSION");
    if (session_token == NULL)
        return 1;
    int fd = open("session.dat", O_WRONLY | O_CREAT | O_TRUNC, 0664); // want CWE-732:cwe732-secret-readable
    if (fd < 0)
        return 1;
    FILE *out = fdopen(fd, "w");
    if (out == NULL) {
        close(fd);
        return 1;
    }
    fputs(session_token, out);
    return fclose(out) == 0 ? 0 : 1;
}
