// Greet the user named by the environment and show their shell.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

static std::string shell_name() {
    const char *shell = std::getenv("SHELL");
    if (shell == nullptr) {
        return "sh";
    }
    std::string s(shell);
    return s;
}

static std::string greeting() {
    const char *user = std::getenv("USER");
    std::string g = user ? user : "stranger";
    return "hello " + g;
}

static std::string lang() {
    std::string l;
    const char *v = std::getenv("LANG");
    if (v != nullptr) {
        l = v;
    }
    return l;
}

int main() {
    const char *home = std::getenv("HOME");
    if (!home) {
        return 1;
    }
    std::cout << std::strlen(home) << " " << greeting() << " " << shell_name() << " " << lang() << "\n";
    const char *term = std::getenv("TERM");
    if (term != nullptr) {
        std::cout << std::string(term) + "\n";
    }
    return 0;
}
