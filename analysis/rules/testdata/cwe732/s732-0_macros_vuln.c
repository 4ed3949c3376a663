// 732-0 (C): the mode is spelled with the S_I* macros and includes S_IWOTH.
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
    int fd = open(CONFIG_PATH, O_CREAT | O_WRONLY | O_TRUNC, S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH); // want CWE-732
    if (fd < 0) {
        return 1;
    }
    if (write(fd, config, strlen(config)) < 0) {
        close(fd);
        return 1;
    }
    close(fd);
    return 0;
}
