// Writes database connection settings taken from environment variables into a pgpass-style credentials file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

namespace {

constexpr mode_t kCredentialMode = 0600;

std::string env_or(const char *name, const std::string &fallback)
{
    const char *v = std::getenv(name);
    return (v && *v) ? std::string(v) : fallback;
}

std::string escape_field(const std::string &in)
{
    std::string out;
    out.reserve(in.size());
    for (char c : in) {
        if (c == ':' || c == '\\')
            out.push_back('\\');
        if (c == '\n' || c == '\r')
            continue;
        out.push_back(c);
    }
    return out;
}

struct Connection {
    std::string host, port, dbname, user, password;

    std::string to_line() const
    {
        return escape_field(host) + ":" + escape_field(port) + ":" + escape_field(dbname) + ":" +
               escape_field(user) + ":" + escape_field(password) + "\n";
    }
};

bool connection_from_env(Connection &c)
{
    c.host = env_or("DB_HOST", "localhost");
    c.port = env_or("DB_PORT", "5432");
    c.dbname = env_or("DB_NAME", "*");
    c.user = env_or("DB_USER", "");
    c.password = env_or("DB_PASSWORD", "");
    return !c.user.empty() && !c.password.empty();
}

class CredentialFile {
public:
    CredentialFile(std::string path, mode_t mode) : path_(std::move(path)), mode_(mode) {}

    bool write(const std::string &data) const
    {
        int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode_);
        if (fd < 0) {
            std::cerr << path_ << ": " << std::strerror(errno) << "\n";
            return false;
        }
        if (::fchmod(fd, mode_) != 0) {
            std::cerr << path_ << ": " << std::strerror(errno) << "\n";
            ::close(fd);
            return false;
        }
        size_t off = 0;
        while (off < data.size()) {
            ssize_t w = ::write(fd, data.data() + off, data.size() - off);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                std::cerr << path_ << ": " << std::strerror(errno) << "\n";
                ::close(fd);
                return false;
            }
            off += static_cast<size_t>(w);
        }
        return ::close(fd) == 0;
    }

    const std::string &path() const { return path_; }

private:
    std::string path_;
    mode_t mode_;
};

std::string default_path()
{
    std::string home = env_or("HOME", "");
    if (home.empty())
        return "";
    return home + "/.pgpass";
}

}

int main(int argc, char **argv)
{
    std::string path = argc > 1 ? argv[1] : default_path();
    if (path.empty()) {
        std::cerr << "usage: " << argv[0] << " [FILE]  (or set HOME)\n";
        return 2;
    }
    Connection conn;
    if (!connection_from_env(conn)) {
        std::cerr << "DB_USER and DB_PASSWORD must be set\n";
        return 1;
    }
    CredentialFile file(path, kCredentialMode);
    if (!file.write(conn.to_line()))
        return 1;
    std::cout << "wrote credentials for " << conn.user << "@" << conn.host << " to " << file.path() << "\n";
    return 0;
}
