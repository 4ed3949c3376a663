// A tiny status page: accepts one client on loopback and answers it
// with an HTML page that echoes the line it sent.
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(7070);
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 || listen(s, 1) != 0)
        return 1;
    int c = accept(s, NULL, NULL);
    if (c < 0)
        return 1;
    char line[256];
    ssize_t n = recv(c, line, sizeof line - 1, 0);
    if (n > 0) {
        line[n] = '\0';
        char page[512];
        int len = snprintf(page, sizeof page, "<html><body><p>status: %s</p></body></html>\n", line); // want CWE-79
        if (len > 0)
            send(c, page, (size_t)len < sizeof page ? (size_t)len : sizeof page - 1, 0); // want CWE-79
    }
    close(c);
    close(s);
    return 0;
}
