// TCP server on 127.0.0.1 that receives one batch of fixed-size binary records and replies with per-record checksums.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kMaxBatchBytes = 60000;

struct BatchHeader {
    uint16_t count;
    uint16_t recordSize;
};

class Connection {
public:
    explicit Connection(int fd) : fd_(fd) {}
    ~Connection() { if (fd_ >= 0) ::close(fd_); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool readExact(void *dst, std::size_t n) {
        auto *p = static_cast<unsigned char *>(dst);
        while (n > 0) {
            ssize_t got = ::recv(fd_, p, n, 0);
            if (got <= 0)
                return false;
            p += got;
            n -= static_cast<std::size_t>(got);
        }
        return true;
    }

    void send(const std::string &s) {
        std::size_t off = 0;
        while (off < s.size()) {
            ssize_t w = ::send(fd_, s.data() + off, s.size() - off, MSG_NOSIGNAL);
            if (w <= 0)
                return;
            off += static_cast<std::size_t>(w);
        }
    }

private:
    int fd_;
};

bool readHeader(Connection &c, BatchHeader &h) {
    unsigned char raw[4];
    if (!c.readExact(raw, sizeof raw))
        return false;
    h.count = static_cast<uint16_t>(raw[0] << 8 | raw[1]);
    h.recordSize = static_cast<uint16_t>(raw[2] << 8 | raw[3]);
    return h.count != 0 && h.recordSize != 0;
}

uint32_t adler32(const unsigned char *p, std::size_t n) {
    uint32_t a = 1, b = 0;
    for (std::size_t i = 0; i < n; ++i) {
        a = (a + p[i]) % 65521;
        b = (b + a) % 65521;
    }
    return b << 16 | a;
}

bool receiveBatch(Connection &c, const BatchHeader &h, std::vector<unsigned char> &body,
                  std::size_t &received) {
    uint16_t total = static_cast<uint16_t>(h.count * h.recordSize);
    if (total > kMaxBatchBytes)
        return false;
    body.assign(total, 0);
    std::vector<unsigned char> rec(h.recordSize);
    for (received = 0; received < h.count; ++received) {
        if (!c.readExact(rec.data(), rec.size()))
            break;
        std::memcpy(body.data() + received * h.recordSize, rec.data(), rec.size());
    }
    return true;
}

int listenLoopback(uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || ::listen(fd, 4) < 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    long port = std::strtol(argv[1], nullptr, 10);
    if (port < 1024 || port > 65535) {
        std::fprintf(stderr, "bad port\n");
        return 2;
    }
    int lfd = listenLoopback(static_cast<uint16_t>(port));
    if (lfd < 0) {
        std::perror("listen");
        return 1;
    }
    int cfd = ::accept(lfd, nullptr, nullptr);
    ::close(lfd);
    if (cfd < 0) {
        std::perror("accept");
        return 1;
    }
    Connection conn(cfd);
    BatchHeader hdr{};
    if (!readHeader(conn, hdr)) {
        conn.send("ERR header\n");
        return 1;
    }
    std::vector<unsigned char> body;
    std::size_t n = 0;
    if (!receiveBatch(conn, hdr, body, n)) {
        conn.send("ERR batch too large\n");
        return 1;
    }
    std::string reply = "OK " + std::to_string(n) + " records\n";
    for (std::size_t i = 0; i < n; ++i) {
        char line[32];
        std::snprintf(line, sizeof line, "%zu %08x\n", i,
                      static_cast<unsigned>(adler32(body.data() + i * hdr.recordSize, hdr.recordSize)));
        reply += line;
    }
    conn.send(reply);
    return 0;
}
