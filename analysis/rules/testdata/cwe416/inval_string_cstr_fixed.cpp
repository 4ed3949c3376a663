// The C string is taken after the greeting is complete.
#include <cstdio>
#include <string>

int main(int argc, char *argv[]) {
    std::string greeting = "hello";
    if (argc > 1) {
        greeting += ", ";
        greeting.append(argv[1]);
    }
    const char *text = greeting.c_str();
    std::puts(text);
    return 0;
}
