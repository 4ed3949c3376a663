// 732-0 (C): creat with 0666.
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
    int fd = creat(CONFIG_PATH, 0666); // want CWE-732
    if (fd == -1) {
        perror("creat");
        return 1;
    }
    write(fd, config, strlen(config));
    close(fd);
    return 0;
}
