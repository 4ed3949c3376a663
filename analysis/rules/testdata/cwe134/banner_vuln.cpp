// A console class prints a banner taken from the environment through a member.
#include <cstdio>
#include <cstdlib>
#include <string>

class Console {
public:
    void banner(const std::string &text);

private:
    void show(const std::string &s);
};

int main() {
    const char *motd = std::getenv("MOTD");
    Console con;
    con.banner(motd != nullptr ? motd : "welcome");
    return 0;
}

void Console::banner(const std::string &text) {
    show(text + "\n");
}

void Console::show(const std::string &s) {
    std::printf(s.c_str()); // want CWE-134
}
