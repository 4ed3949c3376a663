// Loopback TCP server that receives one batch of fixed-size sample records and replies with a checksum summary.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>

namespace {

constexpr std::uint32_t kMaxRecords = 65536;
constexpr std::uint32_t kMaxRecordSize = 65536;
constexpr std::uint64_t kMaxBatchBytes = 16u << 20;

class Socket {
public:
    explicit Socket(int fd) : fd_(fd) {}
    ~Socket() { if (fd_ >= 0) ::close(fd_); }
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;
    int fd() const { return fd_; }

    bool read_exact(void *buf, std::size_t len)
    {
        auto *p = static_cast<std::uint8_t *>(buf);
        while (len > 0) {
            ssize_t n = ::recv(fd_, p, len, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            p += n;
            len -= static_cast<std::size_t>(n);
        }
        return true;
    }

    bool write_all(const std::string &s)
    {
        std::size_t off = 0;
        while (off < s.size()) {
            ssize_t n = ::send(fd_, s.data() + off, s.size() - off, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            off += static_cast<std::size_t>(n);
        }
        return true;
    }

private:
    int fd_;
};

class RecordBatch {
public:
    bool reset(std::uint32_t count, std::uint32_t rec_size)
    {
        if (count == 0 || count > kMaxRecords || rec_size == 0 || rec_size > kMaxRecordSize)
            return false;
        std::uint64_t bytes = std::uint64_t(count) * rec_size;
        if (bytes > kMaxBatchBytes)
            return false;
        data_.reset(new (std::nothrow) std::uint8_t[bytes]);
        if (!data_)
            return false;
        count_ = count;
        rec_size_ = rec_size;
        return true;
    }

    std::uint32_t count() const { return count_; }
    std::uint32_t rec_size() const { return rec_size_; }
    std::uint8_t *record(std::uint32_t i) { return data_.get() + std::size_t(i) * rec_size_; }

    std::uint32_t checksum() const
    {
        std::uint32_t h = 2166136261u;
        std::size_t total = std::size_t(count_) * rec_size_;
        for (std::size_t i = 0; i < total; ++i)
            h = (h ^ data_[i]) * 16777619u;
        return h;
    }

private:
    std::unique_ptr<std::uint8_t[]> data_;
    std::uint32_t count_ = 0;
    std::uint32_t rec_size_ = 0;
};

std::uint32_t be32(const std::uint8_t *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

void handle_client(Socket &client)
{
    std::uint8_t hdr[12];
    RecordBatch batch;

    if (!client.read_exact(hdr, sizeof hdr) || std::memcmp(hdr, "SMP1", 4) != 0) {
        client.write_all("ERR bad header\n");
        return;
    }
    if (!batch.reset(be32(hdr + 4), be32(hdr + 8))) {
        client.write_all("ERR batch rejected\n");
        return;
    }
    for (std::uint32_t i = 0; i < batch.count(); ++i) {
        if (!client.read_exact(batch.record(i), batch.rec_size())) {
            client.write_all("ERR short batch\n");
            return;
        }
    }
    char reply[96];
    std::snprintf(reply, sizeof reply, "OK records=%u size=%u fnv=%08x\n",
                  unsigned(batch.count()), unsigned(batch.rec_size()), unsigned(batch.checksum()));
    client.write_all(reply);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <port>\n", argv[0]);
        return 2;
    }
    char *end = nullptr;
    long port = std::strtol(argv[1], &end, 10);
    if (*argv[1] == '\0' || *end != '\0' || port < 1 || port > 65535) {
        std::fprintf(stderr, "invalid port\n");
        return 2;
    }

    Socket listener(::socket(AF_INET, SOCK_STREAM, 0));
    if (listener.fd() < 0) {
        std::perror("socket");
        return 1;
    }
    int one = 1;
    ::setsockopt(listener.fd(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener.fd(), reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::listen(listener.fd(), 4) != 0) {
        std::perror("bind/listen");
        return 1;
    }
    Socket client(::accept(listener.fd(), nullptr, nullptr));
    if (client.fd() < 0) {
        std::perror("accept");
        return 1;
    }
    handle_client(client);
    return 0;
}
