// Ping a host read from standard input.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char host[64];
    char cmd[128];
    if (fgets(host, sizeof host, stdin) == NULL) return 1;
    host[strcspn(host, "\n")] = '\0';
    sprintf(cmd, "ping -c 1 %s", host);
    return system(cmd); // want CWE-78
}
