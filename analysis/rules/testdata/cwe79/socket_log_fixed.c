// A tiny status listener: accepts one client on loopback and logs the
// line it sends to standard output.
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
        printf("status: %s\n", line);
    }
    close(c);
    close(s);
    return 0;
}
