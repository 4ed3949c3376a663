// 732-1 (C): the file is made writable by everyone after it is written.
/*
 * Write the service's configuration to disk, where other users of the
 * machine must not be able to change it.
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

    // save the config to CONFIG_PATH; the file must not be world-writable
    FILE *f = fopen(CONFIG_PATH, "w"); // want CWE-732
    if (f == NULL) {
        return 1;
    }
    fputs(config, f);
    fclose(f);
    chmod(CONFIG_PATH, 0666); // want CWE-732
    return 0;
}
