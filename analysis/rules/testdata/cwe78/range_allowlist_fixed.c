// Copies a named archive to a backup host with scp. The host name is
// accepted only when every character is a letter, a digit, '.' or '-',
// spelled as character ranges: nothing the shell treats specially
// passes.
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
    if (*h == '\0' || *h == '-') {
        return 0;
    }
    for (const char *p = h; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '.' || c == '-')) {
            return 0;
        }
    }
    return 1;
}

static int send_archive(const char *archive, const char *host) {
    char cmd[512];
    if (!host_ok(host)) {
        return -1;
    }
    snprintf(cmd, sizeof cmd, "scp -q /var/backups/%s %s:/srv/in/", archive, host);
    return system(cmd);
}
