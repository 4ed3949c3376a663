// 732-0 (C++): open with 0600 and write.
/*
 * Write the service's configuration to disk.
 */
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

const std::string CONFIG_PATH = "service.conf";

int main() {
    const std::string config = "listen=0.0.0.0:8080\nadmin_token=change-me\n";

    // save the config to CONFIG_PATH
    const int fd = open(CONFIG_PATH.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        return 1;
    }
    const ssize_t n = write(fd, config.c_str(), config.size());
    close(fd);
    return n == static_cast<ssize_t>(config.size()) ? 0 : 1;
}
