// A greeting's C string is taken, then the greeting grows.
#include <cstdio>
#include <string>

int main(int argc, char *argv[]) {
    std::string greeting = "hello";
    const char *text = greeting.c_str();
    if (argc > 1) {
        greeting += ", ";
        greeting.append(argv[1]);
    }
    std::puts(text); // want CWE-416
    return 0;
}
