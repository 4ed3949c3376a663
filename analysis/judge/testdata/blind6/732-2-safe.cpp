// Generates a hex-encoded HMAC signing key and writes it to the key file named in a config file.
#include <sys/stat.h>
#include <sys/types.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

using Config = std::map<std::string, std::string>;

static std::string trim(const std::string &s)
{
    const char *ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

static bool load_config(const std::string &path, Config &cfg)
{
    std::ifstream in(path);
    if (!in)
        return false;
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
    return true;
}

class UmaskGuard {
public:
    explicit UmaskGuard(mode_t mask) : saved_(::umask(mask)) {}
    ~UmaskGuard() { ::umask(saved_); }
    UmaskGuard(const UmaskGuard &) = delete;
    UmaskGuard &operator=(const UmaskGuard &) = delete;

private:
    mode_t saved_;
};

class KeyWriter {
public:
    KeyWriter(fs::path path, std::size_t nbytes) : path_(std::move(path)), nbytes_(nbytes) {}

    bool generate()
    {
        std::ifstream rnd("/dev/urandom", std::ios::binary);
        if (!rnd)
            return false;
        key_.resize(nbytes_);
        rnd.read(reinterpret_cast<char *>(key_.data()), static_cast<std::streamsize>(key_.size()));
        return rnd.gcount() == static_cast<std::streamsize>(key_.size());
    }

    bool save() const
    {
        {
            UmaskGuard guard(077);
            std::error_code ec;
            fs::permissions(path_, fs::perms::owner_read | fs::perms::owner_write,
                            fs::perm_options::replace, ec);
            if (ec && ec != std::errc::no_such_file_or_directory)
                return false;
            std::ofstream out(path_, std::ios::out | std::ios::trunc);
            if (!out)
                return false;
            out << to_hex() << '\n';
            if (!out.flush())
                return false;
        }
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_read | fs::perms::owner_write,
                        fs::perm_options::replace, ec);
        return !ec;
    }

    std::string fingerprint() const
    {
        std::string h = to_hex();
        return h.substr(0, 8);
    }

private:
    std::string to_hex() const
    {
        static const char digits[] = "0123456789abcdef";
        std::string s;
        s.reserve(key_.size() * 2);
        for (unsigned char b : key_) {
            s.push_back(digits[b >> 4]);
            s.push_back(digits[b & 0x0f]);
        }
        return s;
    }

    fs::path path_;
    std::size_t nbytes_;
    std::vector<unsigned char> key_;
};

static bool parse_size(const std::string &s, std::size_t &out)
{
    if (s.empty() || s.size() > 4)
        return false;
    std::size_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + static_cast<std::size_t>(c - '0');
    }
    out = v;
    return true;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " CONFIG\n";
        return 2;
    }
    Config cfg;
    if (!load_config(argv[1], cfg)) {
        std::cerr << "cannot read " << argv[1] << "\n";
        return 1;
    }
    auto it = cfg.find("key_file");
    if (it == cfg.end() || it->second.empty()) {
        std::cerr << "key_file not set\n";
        return 1;
    }
    std::size_t nbytes = 32;
    auto kb = cfg.find("key_bytes");
    if (kb != cfg.end() && (!parse_size(kb->second, nbytes) || nbytes < 16 || nbytes > 128)) {
        std::cerr << "key_bytes must be between 16 and 128\n";
        return 1;
    }

    KeyWriter writer(it->second, nbytes);
    if (!writer.generate()) {
        std::cerr << "cannot read random data\n";
        return 1;
    }
    if (!writer.save()) {
        std::cerr << "cannot write " << it->second << "\n";
        return 1;
    }
    std::cout << "wrote " << nbytes << "-byte key " << writer.fingerprint() << "... to "
              << it->second << "\n";
    return 0;
}
