// Reads "host login password" lines from stdin and saves them as a credentials file in the directory given by CREDSTORE_DIR or HOME.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

struct Credential {
    std::string login;
    std::string password;
};

class CredentialStore {
public:
    explicit CredentialStore(fs::path file) : file_(std::move(file)) {}

    bool add(const std::string &line)
    {
        std::istringstream in(line);
        std::string host, login, password, extra;
        if (!(in >> host >> login >> password) || (in >> extra))
            return false;
        entries_[host] = Credential{login, password};
        return true;
    }

    size_t size() const { return entries_.size(); }

    bool save() const
    {
        std::string tmpl = file_.string() + ".XXXXXX";
        std::vector<char> name(tmpl.begin(), tmpl.end());
        name.push_back('\0');
        int fd = ::mkstemp(name.data());
        if (fd < 0)
            return false;
        ::close(fd);
        fs::path tmp(name.data());

        std::error_code ec;
        fs::permissions(tmp,
                        fs::perms::owner_read | fs::perms::owner_write |
                            fs::perms::group_read | fs::perms::others_read,
                        fs::perm_options::replace, ec);
        if (ec) {
            fs::remove(tmp, ec);
            return false;
        }

        {
            std::ofstream out(tmp, std::ios::out | std::ios::trunc);
            for (const auto &[host, cred] : entries_)
                out << "machine " << host << " login " << cred.login
                    << " password " << cred.password << '\n';
            out.flush();
            if (!out) {
                fs::remove(tmp, ec);
                return false;
            }
        }

        fs::rename(tmp, file_, ec);
        if (ec) {
            fs::remove(tmp, ec);
            return false;
        }
        return true;
    }

    const fs::path &path() const { return file_; }

private:
    fs::path file_;
    std::map<std::string, Credential> entries_;
};

static fs::path store_directory()
{
    if (const char *dir = std::getenv("CREDSTORE_DIR"); dir && *dir)
        return fs::path(dir);
    if (const char *home = std::getenv("HOME"); home && *home)
        return fs::path(home);
    return fs::current_path();
}

int main()
{
    CredentialStore store(store_directory() / ".credstore");
    std::string line;
    size_t lineno = 0;
    while (std::getline(std::cin, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#')
            continue;
        if (!store.add(line))
            std::cerr << "line " << lineno << ": expected HOST LOGIN PASSWORD\n";
    }
    if (store.size() == 0) {
        std::cerr << "no credentials read\n";
        return 1;
    }
    if (!store.save()) {
        std::cerr << "cannot write " << store.path() << '\n';
        return 1;
    }
    std::cout << "saved " << store.size() << " credential(s) to " << store.path().string() << '\n';
    return 0;
}
