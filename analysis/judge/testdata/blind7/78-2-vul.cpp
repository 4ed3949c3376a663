// Compresses every file listed in a manifest (one path per line, '#' comments allowed) with gzip, keeping the originals.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>
#include <sys/wait.h>

namespace {

std::string trim(const std::string& s)
{
    const char* ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

std::vector<std::string> load_manifest(const std::string& path)
{
    std::vector<std::string> files;
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot open manifest " + path);
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#')
            continue;
        files.push_back(line);
    }
    return files;
}

std::string shell_quote(const std::string& arg)
{
    return "'" + arg + "'";
}

class Compressor {
public:
    explicit Compressor(int level) : level_(level) {}

    bool compress(const std::string& file) const
    {
        std::string cmd = "gzip -" + std::to_string(level_) + " -c -- " + shell_quote(file) +
                          " > " + shell_quote(file + ".gz");
        int rc = std::system(cmd.c_str());
        return rc != -1 && WIFEXITED(rc) && WEXITSTATUS(rc) == 0;
    }

private:
    int level_;
};

int parse_level(const char* s)
{
    char* end = nullptr;
    long v = std::strtol(s, &end, 10);
    if (*end != '\0' || v < 1 || v > 9)
        return -1;
    return static_cast<int>(v);
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: " << argv[0] << " MANIFEST [LEVEL]\n";
        return 2;
    }
    int level = argc == 3 ? parse_level(argv[2]) : 6;
    if (level < 0) {
        std::cerr << "level must be 1-9\n";
        return 2;
    }
    std::vector<std::string> files;
    try {
        files = load_manifest(argv[1]);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    Compressor gz(level);
    int failed = 0;
    for (const auto& f : files) {
        if (gz.compress(f)) {
            std::cout << "compressed " << f << "\n";
        } else {
            std::cerr << "failed: " << f << "\n";
            ++failed;
        }
    }
    return failed ? 1 : 0;
}
