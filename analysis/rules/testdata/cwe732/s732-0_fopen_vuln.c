// 732-0 (C): fopen with "w" and no umask: the file is created 0666.
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
    FILE *f = fopen(CONFIG_PATH, "w"); // want CWE-732
    if (f == NULL) {
        perror(CONFIG_PATH);
        return 1;
    }
    fputs(config, f);
    fclose(f);
    return 0;
}
