// Loopback TCP config server: receives length-prefixed key/value frames and keeps a journal of settings.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr uint32_t kMaxFrame = 1u << 20;

struct Record {
    char text[512];
    size_t len;
};

bool read_full(int fd, void *buf, size_t n)
{
    auto *p = static_cast<unsigned char *>(buf);
    while (n > 0) {
        ssize_t r = ::read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        n -= static_cast<size_t>(r);
    }
    return true;
}

bool write_all(int fd, const std::string &s)
{
    size_t off = 0;
    while (off < s.size()) {
        ssize_t w = ::write(fd, s.data() + off, s.size() - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        off += static_cast<size_t>(w);
    }
    return true;
}

class FrameReader {
public:
    explicit FrameReader(const std::vector<unsigned char> &body) : body_(body) {}

    std::optional<uint16_t> u16()
    {
        if (body_.size() - pos_ < 2)
            return std::nullopt;
        uint16_t v = static_cast<uint16_t>(body_[pos_] << 8 | body_[pos_ + 1]);
        pos_ += 2;
        return v;
    }

    const char *bytes(size_t n)
    {
        if (body_.size() - pos_ < n)
            return nullptr;
        const char *p = reinterpret_cast<const char *>(body_.data() + pos_);
        pos_ += n;
        return p;
    }

private:
    const std::vector<unsigned char> &body_;
    size_t pos_ = 0;
};

class ConfigServer {
public:
    std::string handle_frame(const std::vector<unsigned char> &body)
    {
        FrameReader rd(body);
        auto klen = rd.u16();
        const char *key = klen ? rd.bytes(*klen) : nullptr;
        auto vlen = key ? rd.u16() : std::nullopt;
        const char *val = vlen ? rd.bytes(*vlen) : nullptr;
        if (!val || *klen == 0)
            return "ERR malformed\n";

        Record rec;
        if (!format_entry(rec, key, *klen, val, *vlen))
            return "ERR too long\n";
        journal_.push_back(rec);
        settings_[std::string(key, *klen)] = std::string(val, *vlen);
        return "OK " + std::to_string(settings_.size()) + "\n";
    }

private:
    static bool format_entry(Record &rec, const char *key, uint16_t klen, const char *val,
                             uint16_t vlen)
    {
        uint16_t need = klen + vlen + 2;
        if (need > sizeof rec.text)
            return false;
        std::memcpy(rec.text, key, klen);
        rec.text[klen] = '=';
        std::memcpy(rec.text + klen + 1, val, vlen);
        rec.text[klen + 1 + vlen] = '\n';
        rec.len = static_cast<size_t>(klen) + vlen + 2;
        return true;
    }

    std::vector<Record> journal_;
    std::map<std::string, std::string> settings_;
};

void serve_client(ConfigServer &srv, int fd)
{
    for (;;) {
        unsigned char hdr[4];
        if (!read_full(fd, hdr, sizeof hdr))
            return;
        uint32_t len = static_cast<uint32_t>(hdr[0]) << 24 | static_cast<uint32_t>(hdr[1]) << 16 |
                       static_cast<uint32_t>(hdr[2]) << 8 | hdr[3];
        if (len > kMaxFrame) {
            write_all(fd, "ERR frame\n");
            return;
        }
        std::vector<unsigned char> body(len);
        if (len > 0 && !read_full(fd, body.data(), len))
            return;
        if (!write_all(fd, srv.handle_frame(body)))
            return;
    }
}

} // namespace

int main(int argc, char **argv)
{
    long port = 45021;
    if (argc > 1) {
        char *end = nullptr;
        port = std::strtol(argv[1], &end, 10);
        if (end == argv[1] || *end != '\0')
            return 1;
    }
    if (port <= 0 || port > 65535)
        return 1;
    int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return 1;
    int one = 1;
    ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(s, 8) != 0) {
        std::perror("bind/listen");
        ::close(s);
        return 1;
    }
    ConfigServer srv;
    for (;;) {
        int c = ::accept(s, nullptr, nullptr);
        if (c < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        serve_client(srv, c);
        ::close(c);
    }
    ::close(s);
    return 0;
}
