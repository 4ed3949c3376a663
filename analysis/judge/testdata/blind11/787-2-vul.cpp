// Loopback message relay: clients send "PART <text>" lines to assemble a message, "SEND" to get it back framed, "SHUTDOWN" to stop the server.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

class MessageBuffer {
public:
    explicit MessageBuffer(size_t capacity) : data_(capacity), used_(0) {}

    bool append(const char *p, size_t n)
    {
        if (n > data_.size())
            return false;
        std::memcpy(data_.data() + used_, p, n);
        used_ += n;
        return true;
    }

    std::string take()
    {
        std::string out(data_.data(), used_);
        used_ = 0;
        return out;
    }

    size_t used() const { return used_; }

private:
    std::vector<char> data_;
    size_t used_;
};

class Connection {
public:
    explicit Connection(int fd) : fd_(fd), message_(256) {}
    ~Connection() { ::close(fd_); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool read_line(std::string &line)
    {
        for (;;) {
            auto nl = pending_.find('\n');
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
            ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0)
                return false;
            pending_.append(buf, static_cast<size_t>(n));
        }
    }

    void reply(const std::string &s)
    {
        size_t off = 0;
        while (off < s.size()) {
            ssize_t n = ::send(fd_, s.data() + off, s.size() - off, MSG_NOSIGNAL);
            if (n <= 0)
                return;
            off += static_cast<size_t>(n);
        }
    }

    bool handle(const std::string &line)
    {
        if (line.rfind("PART ", 0) == 0) {
            std::string text = line.substr(5);
            if (message_.append(text.data(), text.size()))
                reply("OK " + std::to_string(message_.used()) + "\n");
            else
                reply("ERR too long\n");
        } else if (line == "SEND") {
            std::string msg = message_.take();
            reply("MSG " + std::to_string(msg.size()) + "\n" + msg + "\n");
        } else if (line == "SHUTDOWN") {
            shutdown_ = true;
            return false;
        } else if (line == "QUIT") {
            return false;
        } else {
            reply("ERR unknown command\n");
        }
        return true;
    }

    bool shutdown_requested() const { return shutdown_; }

private:
    int fd_;
    std::string pending_;
    MessageBuffer message_;
    bool shutdown_ = false;
};

static int listen_loopback(unsigned short port)
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(fd, 4) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " PORT\n";
        return 2;
    }
    char *end = nullptr;
    long port = std::strtol(argv[1], &end, 10);
    if (*end != '\0' || port < 1024 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    int lfd = listen_loopback(static_cast<unsigned short>(port));
    if (lfd < 0) {
        std::perror("listen");
        return 1;
    }
    bool running = true;
    while (running) {
        int cfd = ::accept(lfd, nullptr, nullptr);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        Connection conn(cfd);
        std::string line;
        while (conn.read_line(line) && conn.handle(line)) {
        }
        running = !conn.shutdown_requested();
    }
    ::close(lfd);
    return 0;
}
