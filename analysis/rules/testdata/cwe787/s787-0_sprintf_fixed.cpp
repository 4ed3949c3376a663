// 787-0 (C++): std::snprintf with sizeof, kept in std::string.
/*
 * Sensor simulator: draw three random readings and format each of them as
 * text, ready to be written to a log.
 */
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

int main() {
    std::srand(static_cast<unsigned int>(std::time(nullptr)));

    // three random floats between 0 and 1
    float first = std::rand() / static_cast<float>(RAND_MAX);
    float second = std::rand() / static_cast<float>(RAND_MAX);
    float third = std::rand() / static_cast<float>(RAND_MAX);

    // turn each float into a string
    char buf[32];
    std::snprintf(buf, sizeof buf, "%f", first);
    std::string a = buf;
    std::snprintf(buf, sizeof buf, "%f", second);
    std::string b = buf;
    std::snprintf(buf, sizeof buf, "%f", third);
    std::string c = buf;
    std::cout << a << '\n' << b << '\n' << c << '\n';
    return 0;
}
