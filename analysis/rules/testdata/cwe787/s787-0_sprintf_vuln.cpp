// 787-0 (C++): std::sprintf into 20-byte buffers.
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
    char a[20];
    char b[20];
    char c[20];
    std::sprintf(a, "%f", first); // want CWE-787
    std::sprintf(b, "%f", second); // want CWE-787
    std::sprintf(c, "%f", third); // want CWE-787
    std::cout << a << '\n' << b << '\n' << c << '\n';
    return 0;
}
