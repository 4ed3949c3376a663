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
