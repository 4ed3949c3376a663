#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    const char *secret = "token=abc\n";
    int fd = open("secret.txt", O_CREAT | O_WRONLY | O_TRUNC, 0666);
    if (fd < 0) return 1;
    write(fd, secret, strlen(secret));
    close(fd);
    return 0;
}
