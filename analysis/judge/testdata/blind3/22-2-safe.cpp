// Note service: answers "GET <name>" request lines on stdin with the contents of a note from a notes directory.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

class NoteStore {
public:
    explicit NoteStore(std::string dir) : dir_(std::move(dir)) {}

    bool fetch(const std::string& raw, std::string& out) const {
        std::string name = decode(raw);
        if (name.empty() || name.find('/') != std::string::npos ||
            name.find("..") != std::string::npos || name.find('\0') != std::string::npos)
            return false;
        std::ifstream in(dir_ + "/" + name);
        if (!in)
            return false;
        std::ostringstream ss;
        ss << in.rdbuf();
        out = ss.str();
        return true;
    }

private:
    static int hexval(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    static std::string decode(const std::string& s) {
        std::string r;
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '%' && i + 2 < s.size() && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
                r += static_cast<char>(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
                i += 2;
            } else if (s[i] == '+') {
                r += ' ';
            } else {
                r += s[i];
            }
        }
        return r;
    }

    std::string dir_;
};

int main(int argc, char** argv) {
    NoteStore store(argc > 1 ? argv[1] : "notes");
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.rfind("GET ", 0) != 0) {
            std::cout << "400 bad request\n";
            continue;
        }
        std::string body;
        if (store.fetch(line.substr(4), body))
            std::cout << "200 ok\n" << body;
        else
            std::cout << "404 not found\n";
    }
    return 0;
}
