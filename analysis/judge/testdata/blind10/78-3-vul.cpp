// Line-based TCP service on 127.0.0.1 that reports SHA-256 checksums of files in a shared directory.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

class Connection {
public:
    explicit Connection(int fd) : fd_(fd) {}
    ~Connection() { ::close(fd_); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool read_line(std::string &line)
    {
        for (;;) {
            std::size_t nl = pending_.find('\n');
            if (nl != std::string::npos) {
                line = pending_.substr(0, nl);
                pending_.erase(0, nl + 1);
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                return true;
            }
            if (pending_.size() > 4096)
                return false;
            char buf[512];
            ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            pending_.append(buf, static_cast<std::size_t>(n));
        }
    }

    void send_text(const std::string &s)
    {
        std::size_t off = 0;
        while (off < s.size()) {
            ssize_t n = ::send(fd_, s.data() + off, s.size() - off, MSG_NOSIGNAL);
            if (n <= 0)
                return;
            off += static_cast<std::size_t>(n);
        }
    }

private:
    int fd_;
    std::string pending_;
};

static bool acceptable_name(const std::string &name)
{
    return !name.empty() && name.size() < 256 && name.find('/') == std::string::npos &&
           name != "." && name != "..";
}

static bool run_checksum(const std::string &dir, const std::string &name, std::string &out)
{
    std::string cmd = "cd \"" + dir + "\" && sha256sum -- \"" + name + "\" 2>&1";
    FILE *p = ::popen(cmd.c_str(), "r");
    if (!p)
        return false;
    char buf[256];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof(buf), p)) > 0)
        out.append(buf, n);
    int status = ::pclose(p);
    return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void handle(Connection &conn, const std::string &dir)
{
    std::string line;
    conn.send_text("READY\n");
    while (conn.read_line(line)) {
        std::istringstream ss(line);
        std::string verb;
        ss >> verb;
        if (verb == "QUIT") {
            conn.send_text("BYE\n");
            return;
        }
        if (verb != "SUM") {
            conn.send_text("ERR unknown command\n");
            continue;
        }
        std::string name;
        std::getline(ss >> std::ws, name);
        if (!acceptable_name(name)) {
            conn.send_text("ERR bad file name\n");
            continue;
        }
        std::string out;
        if (run_checksum(dir, name, out))
            conn.send_text("OK " + out.substr(0, 64) + "\n");
        else
            conn.send_text("ERR checksum failed\n");
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " PORT DIR\n";
        return 2;
    }
    int port = std::atoi(argv[1]);
    if (port <= 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    std::string dir = argv[2];
    if (dir.find('"') != std::string::npos || ::access(dir.c_str(), R_OK | X_OK) != 0) {
        std::cerr << "unusable directory\n";
        return 1;
    }

    int lfd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0) {
        std::perror("socket");
        return 1;
    }
    int one = 1;
    ::setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(lfd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) < 0 || ::listen(lfd, 8) < 0) {
        std::perror("bind");
        ::close(lfd);
        return 1;
    }
    std::signal(SIGPIPE, SIG_IGN);
    for (;;) {
        int cfd = ::accept(lfd, nullptr, nullptr);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            std::perror("accept");
            break;
        }
        Connection conn(cfd);
        handle(conn, dir);
    }
    ::close(lfd);
    return 0;
}
