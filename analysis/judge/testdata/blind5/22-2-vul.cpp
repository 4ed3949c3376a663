// Small loopback TCP server that returns the contents of files under a shared directory.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

class FileShare {
public:
    explicit FileShare(const fs::path &root) : root_(fs::canonical(root)) {}

    bool resolve(const std::string &name, fs::path &out) const
    {
        if (name.empty() || name[0] == '/')
            return false;
        std::error_code ec;
        fs::path full = fs::weakly_canonical(root_ / name, ec);
        if (ec)
            return false;
        const std::string base = root_.string();
        if (full.string().compare(0, base.size(), base) != 0)
            return false;
        out = full;
        return true;
    }

    std::string fetch(const std::string &name) const
    {
        fs::path p;
        if (!resolve(name, p))
            return "ERR forbidden\n";
        std::ifstream in(p, std::ios::binary);
        if (!in)
            return "ERR not found\n";
        std::ostringstream ss;
        ss << "OK\n" << in.rdbuf();
        return ss.str();
    }

private:
    fs::path root_;
};

static std::string read_line(int fd)
{
    std::string line;
    char c;
    while (line.size() < 1024 && read(fd, &c, 1) == 1) {
        if (c == '\n')
            break;
        if (c != '\r')
            line += c;
    }
    return line;
}

static void write_all(int fd, const std::string &data)
{
    size_t off = 0;
    while (off < data.size()) {
        ssize_t n = write(fd, data.data() + off, data.size() - off);
        if (n <= 0)
            return;
        off += static_cast<size_t>(n);
    }
}

static void handle_client(int fd, const FileShare &share)
{
    std::string line = read_line(fd);
    if (line.rfind("GET ", 0) == 0)
        write_all(fd, share.fetch(line.substr(4)));
    else
        write_all(fd, "ERR bad request\n");
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " <dir> <port>\n";
        return 1;
    }
    int port = std::atoi(argv[2]);
    if (port <= 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 1;
    }
    FileShare share{fs::path(argv[1])};

    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0)
        return 1;
    int one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(srv, 8) < 0) {
        perror("bind/listen");
        return 1;
    }
    for (;;) {
        int c = accept(srv, nullptr, nullptr);
        if (c < 0)
            continue;
        handle_client(c, share);
        close(c);
    }
}
