// A tiny monitoring agent: reads a host name from a client on stdin's
// socket, piece by piece into one buffer, and pings it if it is made of
// a host name's characters.
#include <ctype.h>
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
    for (size_t i = 0; host[i] != '\0'; i++)
        if (!isalnum((unsigned char)host[i]) && host[i] != '.' && host[i] != '-')
            return 1; // only the characters of a host name
    snprintf(cmd, sizeof cmd, "ping -c 1 %s", host);
    return system(cmd);
}
