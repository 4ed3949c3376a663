// 732-1 (C): open with O_EXCL and 0600, written with dprintf.
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
    int fd = open(CONFIG_PATH, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
        perror(CONFIG_PATH);
        return 1;
    }
    dprintf(fd, "%s", config);
    close(fd);
    return 0;
}
