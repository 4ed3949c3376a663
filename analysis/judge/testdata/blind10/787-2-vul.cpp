// Runs a loopback TCP server that reassembles chunked messages from one client and prints each completed message.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr size_t kMaxMessage = 256;
constexpr size_t kMaxChunk = 1024;

class Connection {
public:
    explicit Connection(int fd) : fd_(fd) {}
    ~Connection() { ::close(fd_); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool read_line(std::string &line)
    {
        line.clear();
        char c;
        while (read_exact(&c, 1)) {
            if (c == '\n')
                return true;
            if (c != '\r')
                line.push_back(c);
            if (line.size() > 128)
                return false;
        }
        return false;
    }

    bool read_exact(char *buf, size_t len)
    {
        size_t got = 0;
        while (got < len) {
            ssize_t r = ::recv(fd_, buf + got, len - got, 0);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                return false;
            got += static_cast<size_t>(r);
        }
        return true;
    }

    void send_text(const std::string &s) { (void)::send(fd_, s.data(), s.size(), MSG_NOSIGNAL); }

private:
    int fd_;
};

class MessageAssembler {
public:
    MessageAssembler() : buf_(kMaxMessage), used_(0) {}

    bool append(const char *data, size_t len)
    {
        if (len > buf_.size())
            return false;
        std::memcpy(buf_.data() + used_, data, len);
        used_ += len;
        return true;
    }

    std::string finish()
    {
        std::string msg(buf_.data(), used_);
        used_ = 0;
        return msg;
    }

private:
    std::vector<char> buf_;
    size_t used_;
};

bool parse_chunk_len(const std::string &arg, size_t &len)
{
    if (arg.empty() || arg.size() > 6)
        return false;
    char *end = nullptr;
    unsigned long v = std::strtoul(arg.c_str(), &end, 10);
    if (*end != '\0' || arg[0] == '-' || v > kMaxChunk)
        return false;
    len = static_cast<size_t>(v);
    return true;
}

void serve_client(Connection &conn)
{
    MessageAssembler assembler;
    std::string line;
    std::vector<char> chunk(kMaxChunk);
    while (conn.read_line(line)) {
        if (line.rfind("CHUNK ", 0) == 0) {
            size_t len = 0;
            if (!parse_chunk_len(line.substr(6), len)) {
                conn.send_text("ERR bad length\n");
                continue;
            }
            if (!conn.read_exact(chunk.data(), len))
                return;
            if (!assembler.append(chunk.data(), len)) {
                conn.send_text("ERR message too long\n");
                assembler.finish();
                continue;
            }
            conn.send_text("OK\n");
        } else if (line == "END") {
            std::string msg = assembler.finish();
            std::cout << "message (" << msg.size() << " bytes): " << msg << std::endl;
            conn.send_text("DONE\n");
        } else if (line == "QUIT") {
            return;
        } else {
            conn.send_text("ERR unknown command\n");
        }
    }
}

}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " PORT\n";
        return 2;
    }
    int port = std::atoi(argv[1]);
    if (port <= 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int lfd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0) {
        std::perror("socket");
        return 1;
    }
    int one = 1;
    ::setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(lfd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(lfd, 4) != 0) {
        std::perror("bind/listen");
        ::close(lfd);
        return 1;
    }
    int cfd = ::accept(lfd, nullptr, nullptr);
    ::close(lfd);
    if (cfd < 0) {
        std::perror("accept");
        return 1;
    }
    Connection conn(cfd);
    serve_client(conn);
    return 0;
}
