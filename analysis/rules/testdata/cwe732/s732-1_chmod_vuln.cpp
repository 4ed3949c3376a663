// 732-1 (C++): std::ofstream, then chmod 0666.
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
    std::ofstream out(CONFIG_PATH);
    out << config;
    out.close();
    chmod(CONFIG_PATH.c_str(), S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH); // want CWE-732
    return 0;
}
