// 787-0 (C++): std::to_string for each reading.
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
    const std::string readings[3] = {std::to_string(first), std::to_string(second), std::to_string(third)};
    for (const std::string &r : readings) {
        std::cout << r << "\n";
    }
    return 0;
}
