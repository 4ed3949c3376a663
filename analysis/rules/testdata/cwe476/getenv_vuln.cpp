// Greet the user named by the environment and show their shell.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

static std::string shell_name() {
    const char *shell = std::getenv("SHELL");
    std::string s(shell); // want CWE-476:cwe476-unchecked-getenv
    return s;
}

static std::string greeting() {
    const char *user = std::getenv("USER");
    std::string g = user; // want CWE-476:cwe476-unchecked-getenv
    return "hello " + g;
}

static std::string lang() {
    std::string l;
    const char *v = std::getenv("LANG");
    l = v; // want CWE-476:cwe476-unchecked-getenv
    return l;
}

int main() {
    const char *home = std::getenv("HOME");
    std::cout << std::strlen(home) << " " << greeting() << " " << shell_name() << " " << lang() << "\n"; // want CWE-476:cwe476-unchecked-getenv
    const char *term = std::getenv("TERM");
    std::cout << std::string(term) + "\n"; // want CWE-476:cwe476-unchecked-getenv
    return 0;
}
