// A small credential cache: a login's user name and bearer token are kept
// in a file under the cache directory, written by a class;
// the program masks group and others before it makes any file.
#include <fstream>
#include <sys/stat.h>
#include <iostream>
#include <string>

struct Login {
    std::string user;
    std::string token;
};

class CredentialCache {
public:
    explicit CredentialCache(std::string file) : file_(std::move(file)) {}

    bool save(const Login &login) const
    {
        std::ofstream out(file_);
        if (!out)
            return false;
        out << login.user << '\n' << login.token << '\n';
        return static_cast<bool>(out);
    }

private:
    std::string file_;
};

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    umask(077); // every file this program makes is its owner's alone
    Login login{argv[1], argv[2]};
    CredentialCache cache("credentials.cache");
    return cache.save(login) ? 0 : 1;
}
