// Generates a random private key and its fingerprint file in the location named by a config file.
#include <sys/stat.h>
#include <sys/types.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

class ScopedUmask {
public:
    explicit ScopedUmask(mode_t mask) : previous_(::umask(mask)) {}
    ~ScopedUmask() { ::umask(previous_); }
    ScopedUmask(const ScopedUmask &) = delete;
    ScopedUmask &operator=(const ScopedUmask &) = delete;

private:
    mode_t previous_;
};

static std::string trim(const std::string &s)
{
    const char *ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

static std::map<std::string, std::string> load_config(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot open config " + path);
    std::map<std::string, std::string> cfg;
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#')
            continue;
        auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        cfg[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
    }
    return cfg;
}

static bool valid_key_name(const std::string &name)
{
    if (name.empty() || name.size() > 64 || name[0] == '.')
        return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
            return false;
    return true;
}

static std::vector<unsigned char> random_bytes(size_t n)
{
    std::ifstream rnd("/dev/urandom", std::ios::binary);
    std::vector<unsigned char> out(n);
    if (!rnd.read(reinterpret_cast<char *>(out.data()), static_cast<std::streamsize>(n)))
        throw std::runtime_error("cannot read /dev/urandom");
    return out;
}

static std::string to_hex(const std::vector<unsigned char> &data)
{
    std::ostringstream os;
    for (unsigned char b : data)
        os << std::hex << std::setw(2) << std::setfill('0') << static_cast<int>(b);
    return os.str();
}

static std::string fingerprint(const std::vector<unsigned char> &key)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char b : key) {
        h ^= b;
        h *= 1099511628211ULL;
    }
    std::ostringstream os;
    os << std::hex << std::setw(16) << std::setfill('0') << h;
    return os.str();
}

static void write_text(const fs::path &path, const std::string &text)
{
    fs::path tmp = path;
    tmp += ".tmp";
    fs::remove(tmp);
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out || !(out << text))
            throw std::runtime_error("cannot write " + tmp.string());
    }
    fs::rename(tmp, path);
}

static void write_private_key(const fs::path &path, const std::vector<unsigned char> &key)
{
    ScopedUmask mask(S_IWGRP | S_IWOTH);
    write_text(path, "-----BEGIN RAW KEY-----\n" + to_hex(key) + "\n-----END RAW KEY-----\n");
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " CONFIG\n";
        return 2;
    }
    try {
        auto cfg = load_config(argv[1]);
        fs::path dir = cfg.count("key_dir") ? cfg["key_dir"] : ".";
        std::string name = cfg.count("key_name") ? cfg["key_name"] : "id_raw";
        unsigned long bits = 256;
        if (cfg.count("bits"))
            bits = std::stoul(cfg["bits"]);
        if (!valid_key_name(name))
            throw std::runtime_error("bad key_name");
        if (bits < 128 || bits > 8192 || bits % 8 != 0)
            throw std::runtime_error("bits must be a multiple of 8 between 128 and 8192");
        fs::create_directories(dir);

        auto key = random_bytes(bits / 8);
        write_private_key(dir / name, key);
        write_text(dir / (name + ".pub"), "raw-" + std::to_string(bits) + " " + fingerprint(key) + "\n");
        std::cout << "wrote " << (dir / name).string() << " fingerprint " << fingerprint(key) << "\n";
    } catch (const std::exception &e) {
        std::cerr << "keygen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
