// Serves heartbeat echo requests from one client on a loopback TCP port using a small binary record protocol.
#include <arpa/inet.h>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

enum RecordType : std::uint8_t { kHeartbeatRequest = 1, kHeartbeatResponse = 2, kClose = 3, kAlert = 4 };

struct Record {
    std::uint8_t type = 0;
    std::vector<std::uint8_t> body;
};

class Connection {
public:
    explicit Connection(int fd) : fd_(fd) {}
    ~Connection() { ::close(fd_); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool read_record(Record &rec)
    {
        std::uint8_t hdr[3];
        if (!read_exact(hdr, sizeof hdr))
            return false;
        rec.type = hdr[0];
        std::size_t len = static_cast<std::size_t>(hdr[1]) << 8 | hdr[2];
        rec.body.resize(len);
        return len == 0 || read_exact(rec.body.data(), len);
    }

    bool write_record(std::uint8_t type, const std::string &body)
    {
        if (body.size() > 0xffff)
            return false;
        std::string out;
        out.push_back(static_cast<char>(type));
        out.push_back(static_cast<char>(body.size() >> 8));
        out.push_back(static_cast<char>(body.size() & 0xff));
        out += body;
        std::size_t off = 0;
        while (off < out.size()) {
            ssize_t w = ::write(fd_, out.data() + off, out.size() - off);
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                return false;
            }
            off += static_cast<std::size_t>(w);
        }
        return true;
    }

private:
    bool read_exact(void *buf, std::size_t n)
    {
        auto *p = static_cast<std::uint8_t *>(buf);
        std::size_t got = 0;
        while (got < n) {
            ssize_t r = ::read(fd_, p + got, n - got);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                return false;
            got += static_cast<std::size_t>(r);
        }
        return true;
    }

    int fd_;
};

// Request body: 2-byte payload length, payload, then optional padding.
bool heartbeat_reply(const Record &rec, std::string &reply)
{
    if (rec.body.size() < 2)
        return false;
    std::size_t payload_len = static_cast<std::size_t>(rec.body[0]) << 8 | rec.body[1];
    if (payload_len > rec.body.size() - 2)
        return false;
    reply.clear();
    reply.push_back(static_cast<char>(payload_len >> 8));
    reply.push_back(static_cast<char>(payload_len & 0xff));
    reply.append(reinterpret_cast<const char *>(rec.body.data()) + 2, payload_len);
    return true;
}

void serve(Connection &conn)
{
    Record rec;
    unsigned served = 0;
    while (conn.read_record(rec)) {
        if (rec.type == kClose)
            break;
        if (rec.type != kHeartbeatRequest) {
            conn.write_record(kAlert, "unexpected record");
            continue;
        }
        std::string reply;
        if (!heartbeat_reply(rec, reply)) {
            conn.write_record(kAlert, "malformed heartbeat");
            continue;
        }
        if (!conn.write_record(kHeartbeatResponse, reply))
            break;
        ++served;
    }
    std::cout << "served " << served << " heartbeats\n";
}

int listen_loopback(unsigned short port)
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
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || ::listen(fd, 4) < 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " PORT\n";
        return 2;
    }
    char *end = nullptr;
    long port = std::strtol(argv[1], &end, 10);
    if (end == argv[1] || *end != '\0' || port < 1024 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int lfd = listen_loopback(static_cast<unsigned short>(port));
    if (lfd < 0) {
        std::cerr << "cannot listen: " << std::strerror(errno) << "\n";
        return 1;
    }
    int cfd = ::accept(lfd, nullptr, nullptr);
    ::close(lfd);
    if (cfd < 0) {
        std::cerr << "accept failed\n";
        return 1;
    }
    Connection conn(cfd);
    serve(conn);
    return 0;
}
