// 787-0 (C++): new char[12] for each reading.
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
    char *text = new char[12];
    std::sprintf(text, "%f", first); // want CWE-787
    std::cout << text << "\n";
    delete[] text;
    return 0;
}
