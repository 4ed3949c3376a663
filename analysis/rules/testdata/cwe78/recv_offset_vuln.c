// A tiny monitoring agent: reads a host name from a client on stdin's
// socket, piece by piece into one buffer, and pings it.
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/types.h>

int main(void)
{
    char host[64];
    char cmd[128];
    size_t got = 0;
    while (got < sizeof host - 1) {
        ssize_t n = recv(0, host + got, sizeof host - 1 - got, 0);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    host[got] = '\0';
    snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
    return system(cmd); // want CWE-78
}
