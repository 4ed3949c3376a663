// A small upload server: each connection sends "NAME\n" and then the file.
// A helper stores it; the check before the call lets only images through.
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

struct upload {
    char name[64];
    char data[4096];
    size_t len;
};

static int store_upload(const char *dir, const struct upload *up);

static const char *const image_types[] = {".png", ".gif", ".webp", NULL};

static int image_name(const char *name) {
    const char *ext = strrchr(name, '.');
    if (ext == NULL) {
        return 0;
    }
    for (int i = 0; image_types[i] != NULL; i++) {
        if (strcasecmp(ext, image_types[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

static int read_upload(int conn, struct upload *up) {
    char buf[4200];
    ssize_t n = recv(conn, buf, sizeof buf - 1, 0);
    if (n <= 0) {
        return -1;
    }
    buf[n] = '\0';
    size_t nlen = strcspn(buf, "\n");
    if (nlen == 0 || nlen >= sizeof up->name || buf[nlen] != '\n') {
        return -1;
    }
    memcpy(up->name, buf, nlen);
    up->name[nlen] = '\0';
    size_t rest = (size_t)n - nlen - 1;
    if (rest > sizeof up->data) {
        return -1;
    }
    memcpy(up->data, buf + nlen + 1, rest);
    up->len = rest;
    return 0;
}

int main(void) {
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8090);
    if (srv < 0 || bind(srv, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(srv, 8) != 0) {
        return 1;
    }
    for (;;) {
        int conn = accept(srv, NULL, NULL);
        if (conn < 0) {
            continue;
        }
        struct upload up;
        if (read_upload(conn, &up) == 0 && strchr(up.name, '/') == NULL && image_name(up.name)) {
            store_upload("/srv/www/files", &up);
        }
        close(conn);
    }
}

static int store_upload(const char *dir, const struct upload *up) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, up->name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        return -1;
    }
    ssize_t w = write(fd, up->data, up->len);
    close(fd);
    return w < 0 ? -1 : 0;
}
