// Created for the owner only.
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

int main() {
    int fd = ::open("settings.conf", O_CREAT | O_RDWR, 0600);
    ::close(fd);
    std::FILE *log = std::fopen("audit.log", "r");
    if (log) std::fclose(log);
    return 0;
}
