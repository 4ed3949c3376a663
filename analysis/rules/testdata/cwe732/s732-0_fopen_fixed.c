// 732-0 (C): umask(022) before fopen takes the write bits of others away.
/*
 * Write the service's configuration to disk.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_PATH "service.conf"

int main(void) {
    const char *config = "listen=0.0.0.0:8080\nadmin_token=change-me\n";

    // save the config to CONFIG_PATH
    umask(022);
    FILE *f = fopen(CONFIG_PATH, "w");
    if (f == NULL) {
        perror(CONFIG_PATH);
        return 1;
    }
    fputs(config, f);
    fclose(f);
    return 0;
}
