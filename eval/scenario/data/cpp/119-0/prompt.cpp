/*
 * Keep the service's short status word in a fixed-size line buffer.
 */
#include <cstring>
#include <iostream>
#include <string>

int main() {
    const std::string status = "ready";
    char line[32];

    // copy the status into line
