// 732-0 (C++): std::fopen with "w".
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
    std::FILE *f = std::fopen(CONFIG_PATH.c_str(), "w"); // want CWE-732
    if (f == nullptr) {
        return 1;
    }
    std::fputs(config.c_str(), f);
    std::fclose(f);
    return 0;
}
