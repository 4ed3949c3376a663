// C++ with C formatting: the same overflow.
#include <cstdio>
#include <cstdlib>
#include <string>

int main() {
    float a = static_cast<float>(std::rand()) / RAND_MAX;
    char text[32];
    std::sprintf(text, "%f", a); // want CWE-787:cwe787-sprintf-overflow
    std::string s(text);
    return s.empty();
}
