// Reads "name secret" lines from stdin and writes them into a keyring directory, one key file per name.
#include <sys/stat.h>
#include <sys/types.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

class ScopedUmask {
public:
    explicit ScopedUmask(mode_t mask) : old_(::umask(mask)) {}
    ~ScopedUmask() { ::umask(old_); }
    ScopedUmask(const ScopedUmask &) = delete;
    ScopedUmask &operator=(const ScopedUmask &) = delete;

private:
    mode_t old_;
};

static bool valid_name(const std::string &name)
{
    if (name.empty() || name.size() > 64 || name[0] == '.')
        return false;
    for (unsigned char c : name) {
        if (!std::isalnum(c) && c != '-' && c != '_' && c != '.')
            return false;
    }
    return true;
}

static std::string to_hex(const std::string &raw)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(raw.size() * 2);
    for (unsigned char c : raw) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 0x0f]);
    }
    return out;
}

class KeyringWriter {
public:
    explicit KeyringWriter(fs::path dir) : dir_(std::move(dir)) {}

    bool write_all(const std::map<std::string, std::string> &keys)
    {
        ScopedUmask mask(S_IRWXG | S_IRWXO);
        std::error_code ec;
        fs::create_directories(dir_, ec);
        if (ec) {
            std::cerr << "cannot create " << dir_ << ": " << ec.message() << "\n";
            return false;
        }
        for (const auto &[name, secret] : keys) {
            if (!write_key(name, secret))
                return false;
        }
        return true;
    }

private:
    bool write_key(const std::string &name, const std::string &secret)
    {
        fs::path file = dir_ / (name + ".key");
        fs::path tmp = dir_ / ("." + name + ".key.new");
        std::error_code ec;
        fs::remove(tmp, ec);
        {
            std::ofstream out(tmp, std::ios::trunc);
            if (!out) {
                std::cerr << "cannot open " << tmp << "\n";
                return false;
            }
            out << "name: " << name << "\n";
            out << "secret: " << to_hex(secret) << "\n";
            if (!out.flush()) {
                std::cerr << "write failed for " << tmp << "\n";
                return false;
            }
        }
        fs::rename(tmp, file, ec);
        if (ec) {
            std::cerr << "rename failed: " << ec.message() << "\n";
            return false;
        }
        std::cout << "wrote " << file.string() << "\n";
        return true;
    }

    fs::path dir_;
};

static bool parse_input(std::istream &in, std::map<std::string, std::string> &keys)
{
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        std::string name, secret;
        if (!(fields >> name >> secret) || !valid_name(name)) {
            std::cerr << "line " << lineno << ": malformed entry\n";
            return false;
        }
        keys[name] = secret;
    }
    return true;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " KEYRING_DIR < entries\n";
        return 2;
    }
    std::map<std::string, std::string> keys;
    if (!parse_input(std::cin, keys))
        return 1;
    if (keys.empty()) {
        std::cerr << "no entries\n";
        return 1;
    }
    KeyringWriter writer{fs::path(argv[1])};
    return writer.write_all(keys) ? 0 : 1;
}
