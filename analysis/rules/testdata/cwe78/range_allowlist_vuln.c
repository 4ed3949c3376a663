// Copies a named archive to a backup host with scp. The host name is
// checked character by character, but the check only turns away ';' and
// '|', so `host$(id)` or `host&cmd` still reach the shell.
#include <stdio.h>
#include <stdlib.h>

static int send_archive(const char *archive, const char *host);

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s HOST\n", argv[0]);
        return 2;
    }
    return send_archive("nightly.tar", argv[1]) == 0 ? 0 : 1;
}

static int host_ok(const char *h) {
    for (const char *p = h; *p; p++) {
        if (*p == ';' || *p == '|') {
            return 0;
        }
    }
    return *h != '\0';
}

static int send_archive(const char *archive, const char *host) {
    char cmd[512];
    if (!host_ok(host)) {
        return -1;
    }
    snprintf(cmd, sizeof cmd, "scp -q /var/backups/%s %s:/srv/in/", archive, host);
    return system(cmd); // want CWE-78
}
