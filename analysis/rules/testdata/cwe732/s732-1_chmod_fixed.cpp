// 732-1 (C++): umask(077) before the stream creates the file.
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
    umask(077);
    std::ofstream out(CONFIG_PATH);
    out << config;
    return out ? 0 : 1;
}
