// Reads "service username password" lines from stdin and saves them into a per-user credential cache.
#include <sys/stat.h>
#include <sys/types.h>

#include <cctype>
#include <cstdlib>
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

struct Credential {
    std::string user;
    std::string password;
};

class CredentialCache {
public:
    explicit CredentialCache(fs::path dir) : dir_(std::move(dir)) {}

    bool add(const std::string &line)
    {
        std::istringstream in(line);
        std::string service, user, password;
        if (!(in >> service >> user >> password))
            return false;
        if (!valid_name(service) || !valid_name(user))
            return false;
        entries_[service] = Credential{user, password};
        return true;
    }

    bool save() const
    {
        ScopedUmask mask(S_IRWXG | S_IRWXO);
        std::error_code ec;
        fs::create_directories(dir_, ec);
        if (ec) {
            std::cerr << "cannot create " << dir_ << ": " << ec.message() << "\n";
            return false;
        }
        fs::path file = dir_ / "credentials";
        std::ofstream out(file, std::ios::trunc);
        if (!out) {
            std::cerr << "cannot open " << file << "\n";
            return false;
        }
        for (const auto &[service, cred] : entries_)
            out << service << ' ' << cred.user << ' ' << cred.password << '\n';
        return static_cast<bool>(out.flush());
    }

    std::size_t size() const { return entries_.size(); }

private:
    static bool valid_name(const std::string &s)
    {
        if (s.empty() || s.size() > 64)
            return false;
        for (char c : s)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'))
                return false;
        return true;
    }

    fs::path dir_;
    std::map<std::string, Credential> entries_;
};

static fs::path cache_dir()
{
    const char *xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg)
        return fs::path(xdg) / "credcache";
    const char *home = std::getenv("HOME");
    if (home && *home)
        return fs::path(home) / ".cache" / "credcache";
    return fs::path(".credcache");
}

int main()
{
    CredentialCache cache(cache_dir());
    std::string line;
    int lineno = 0;
    while (std::getline(std::cin, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#')
            continue;
        if (!cache.add(line))
            std::cerr << "line " << lineno << ": ignored\n";
    }
    if (!cache.save())
        return 1;
    std::cout << "saved " << cache.size() << " credential(s)\n";
    return 0;
}
