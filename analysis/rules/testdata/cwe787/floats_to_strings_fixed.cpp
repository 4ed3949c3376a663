// C++ strings grow as needed.
#include <cstdio>
#include <cstdlib>
#include <string>

int main() {
    float a = static_cast<float>(std::rand()) / RAND_MAX;
    std::string s = std::to_string(a);
    char text[32];
    std::snprintf(text, sizeof text, "%f", a);
    return s.empty() && text[0];
}
