// 732-1 (C): umask(077) then 0666: the umask leaves 0600.
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
    umask(077);
    FILE *f = fopen(CONFIG_PATH, "w");
    if (f == NULL) {
        return 1;
    }
    fprintf(f, "%s", config);
    fclose(f);
    return 0;
}
