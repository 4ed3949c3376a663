// A CGI image upload: it trusts the client's Content-Type header to say
// the upload is a PNG, and the name itself must end in ".png".
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int save(const char *dir, const char *name, const char *data, size_t len);

int main(void) {
    const char *type = getenv("CONTENT_TYPE");
    const char *name = getenv("HTTP_X_FILE_NAME");
    if (type == NULL || name == NULL || strcmp(type, "image/png") != 0) {
        puts("Status: 415\r\n");
        return 1;
    }
    size_t nlen = strlen(name);
    if (nlen < 5 || memcmp(name + nlen - 4, ".png", 4) != 0) {
        puts("Status: 415\r\n");
        return 1;
    }
    if (strchr(name, '/') != NULL || strstr(name, "..") != NULL) {
        puts("Status: 400\r\n");
        return 1;
    }
    static char data[1 << 20];
    size_t len = fread(data, 1, sizeof data, stdin);
    return save("/var/www/img", name, data, len) == 0 ? 0 : 1;
}

static int save(const char *dir, const char *name, const char *data, size_t len) {
    char path[400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        return -1;
    }
    ssize_t put = write(fd, data, len);
    close(fd);
    return put == (ssize_t)len ? 0 : -1;
}
