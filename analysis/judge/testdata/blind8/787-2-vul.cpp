// Loopback chat-room server speaking a small length-prefixed binary frame protocol.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr size_t kNameMax = 32;
constexpr size_t kRoomMax = 16;
constexpr size_t kMaxFrame = 512;

enum FrameType : uint8_t { kHello = 1, kNote = 2, kBye = 3 };

struct Frame {
    uint8_t type = 0;
    std::vector<uint8_t> payload;
};

bool read_full(int fd, void *buf, size_t len)
{
    auto *p = static_cast<uint8_t *>(buf);
    while (len > 0) {
        ssize_t r = ::recv(fd, p, len, 0);
        if (r <= 0)
            return false;
        p += r;
        len -= static_cast<size_t>(r);
    }
    return true;
}

bool read_frame(int fd, Frame &f)
{
    uint8_t hdr[3];
    if (!read_full(fd, hdr, sizeof hdr))
        return false;
    size_t len = (static_cast<size_t>(hdr[1]) << 8) | hdr[2];
    if (len > kMaxFrame)
        return false;
    f.type = hdr[0];
    f.payload.resize(len);
    return len == 0 || read_full(fd, f.payload.data(), len);
}

void send_text(int fd, const std::string &s)
{
    if (::send(fd, s.data(), s.size(), MSG_NOSIGNAL) < 0)
        std::cerr << "send failed\n";
}

class Session {
public:
    Session() : name_(new char[kNameMax]()), room_(new char[kRoomMax]()) {}

    bool joined() const { return name_[0] != '\0'; }

    bool handle_hello(const std::vector<uint8_t> &p)
    {
        if (p.empty())
            return false;
        size_t pos = 0;
        size_t name_len = p[pos++];
        if (pos + name_len >= p.size())
            return false;
        const uint8_t *name = p.data() + pos;
        pos += name_len;
        size_t room_len = p[pos++];
        if (pos + room_len > p.size())
            return false;
        const uint8_t *room = p.data() + pos;

        if (p.size() > kNameMax + kRoomMax + 2)
            return false;
        store(name_.get(), name, name_len);
        store(room_.get(), room, room_len);
        return true;
    }

    std::string format_note(const std::vector<uint8_t> &p) const
    {
        std::string text(p.begin(), p.end());
        for (char &c : text)
            if (c == '\n' || c == '\r')
                c = ' ';
        return std::string("[") + room_.get() + "] " + name_.get() + ": " + text + "\n";
    }

private:
    static void store(char *dst, const uint8_t *src, size_t len)
    {
        std::memcpy(dst, src, len);
        dst[len] = '\0';
    }

    std::unique_ptr<char[]> name_;
    std::unique_ptr<char[]> room_;
};

void serve_client(int fd)
{
    Session session;
    Frame f;
    while (read_frame(fd, f)) {
        switch (f.type) {
        case kHello:
            send_text(fd, session.handle_hello(f.payload) ? "WELCOME\n" : "BAD HELLO\n");
            break;
        case kNote:
            send_text(fd, session.joined() ? session.format_note(f.payload) : "JOIN FIRST\n");
            break;
        case kBye:
            send_text(fd, "BYE\n");
            return;
        default:
            send_text(fd, "UNKNOWN\n");
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " PORT [CLIENTS]\n";
        return 2;
    }
    long port = std::strtol(argv[1], nullptr, 10);
    long clients = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 1;
    if (port < 1024 || port > 65535 || clients < 1) {
        std::cerr << "bad arguments\n";
        return 2;
    }
    int srv = ::socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0)
        return 1;
    int one = 1;
    ::setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(srv, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(srv, 4) != 0) {
        std::perror("bind");
        ::close(srv);
        return 1;
    }
    for (long i = 0; i < clients; i++) {
        int fd = ::accept(srv, nullptr, nullptr);
        if (fd < 0)
            continue;
        serve_client(fd);
        ::close(fd);
    }
    ::close(srv);
    return 0;
}
