// Reads site/user/password records from stdin and saves them into a vault file in the given directory.
#include <sys/stat.h>
#include <sys/types.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <system_error>

namespace fs = std::filesystem;

struct Entry {
    std::string user;
    std::string password;
};

class Vault {
public:
    explicit Vault(fs::path dir) : dir_(std::move(dir)) {}

    bool add_line(const std::string &line)
    {
        std::istringstream in(line);
        std::string site, user, password;
        if (!(in >> site >> user >> password))
            return false;
        entries_[site] = Entry{user, password};
        return true;
    }

    std::size_t size() const { return entries_.size(); }

    bool save() const
    {
        std::error_code ec;
        fs::create_directories(dir_, ec);
        if (ec) {
            std::cerr << "cannot create " << dir_ << ": " << ec.message() << "\n";
            return false;
        }
        fs::path file = dir_ / "vault.txt";
        {
            std::ofstream out(file, std::ios::trunc);
            if (!out) {
                std::cerr << "cannot open " << file << "\n";
                return false;
            }
            for (const auto &[site, e] : entries_)
                out << site << '\t' << e.user << '\t' << e.password << '\n';
            if (!out.flush()) {
                std::cerr << "write failed on " << file << "\n";
                return false;
            }
        }
        fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write,
                        fs::perm_options::add, ec);
        if (ec) {
            std::cerr << "cannot set mode on " << file << ": " << ec.message() << "\n";
            return false;
        }
        return true;
    }

private:
    fs::path dir_;
    std::map<std::string, Entry> entries_;
};

static std::string trim(const std::string &s)
{
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " VAULT-DIR < records\n";
        return 2;
    }
    Vault vault(argv[1]);
    std::string line;
    int lineno = 0;
    while (std::getline(std::cin, line)) {
        ++lineno;
        line = trim(line);
        if (line.empty() || line[0] == '#')
            continue;
        if (!vault.add_line(line))
            std::cerr << "line " << lineno << ": expected SITE USER PASSWORD\n";
    }
    if (!vault.save())
        return 1;
    std::cout << "stored " << vault.size() << " entries\n";
    return 0;
}
