// 732-1 (C++): creat with S_IRUSR | S_IWUSR.
/*
 * Write the service's configuration to disk, where other users of the
 * machine must not be able to change it.
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

    // save the config to CONFIG_PATH; the file must not be world-writable
    int fd = creat(CONFIG_PATH.c_str(), S_IRUSR | S_IWUSR);
    if (fd < 0) {
        return 1;
    }
    write(fd, config.data(), config.size());
    close(fd);
    return 0;
}
