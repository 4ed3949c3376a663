// A key-value service on a loopback socket that answers each GET with
// the value stored for the key as an HTTP reply holding an HTML page:
// the stored value goes into the page unescaped.
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char stored[64] = "empty";

static void answer(int fd, const char *line)
{
    char reply[256];
    if (strncmp(line, "SET ", 4) == 0) {
        snprintf(stored, sizeof stored, "%s", line + 4);
        snprintf(reply, sizeof reply, "OK\n");
    } else {
        snprintf(reply, sizeof reply, "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<p>%s</p>\n", stored); // want CWE-79
    }
    send(fd, reply, strlen(reply), 0); // want CWE-79
}

int main(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(7071);
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 || listen(s, 1) != 0) {
        return 1;
    }
    int c = accept(s, NULL, NULL);
    if (c < 0) {
        return 1;
    }
    char line[128];
    ssize_t n;
    while ((n = recv(c, line, sizeof line - 1, 0)) > 0) {
        line[n] = '\0';
        line[strcspn(line, "\r\n")] = '\0';
        answer(c, line);
    }
    close(c);
    close(s);
    return 0;
}
