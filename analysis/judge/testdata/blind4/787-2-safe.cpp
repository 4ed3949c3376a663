// Loopback TCP service that reassembles a blob from "SIZE n" / "PUT offset hex" / "END" lines and reports its checksum.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

static constexpr std::size_t kMaxBlob = 65536;

class LineReader {
public:
    explicit LineReader(int fd) : fd_(fd) {}

    std::optional<std::string> next()
    {
        for (;;) {
            auto pos = pending_.find('\n');
            if (pos != std::string::npos) {
                std::string line = pending_.substr(0, pos);
                pending_.erase(0, pos + 1);
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                return line;
            }
            if (pending_.size() > 4 * kMaxBlob)
                return std::nullopt;
            char chunk[4096];
            ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return std::nullopt;
            pending_.append(chunk, static_cast<std::size_t>(n));
        }
    }

private:
    int fd_;
    std::string pending_;
};

static std::optional<std::vector<std::uint8_t>> decode_hex(const std::string &hex)
{
    if (hex.size() % 2 != 0)
        return std::nullopt;
    std::vector<std::uint8_t> out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        unsigned value = 0;
        auto res = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
        if (res.ec != std::errc() || res.ptr != hex.data() + i + 2)
            return std::nullopt;
        out.push_back(static_cast<std::uint8_t>(value));
    }
    return out;
}

static std::optional<std::size_t> parse_size(const std::string &s)
{
    std::size_t v = 0;
    auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || res.ec != std::errc() || res.ptr != s.data() + s.size())
        return std::nullopt;
    return v;
}

class Reassembler {
public:
    bool begin(std::size_t size)
    {
        if (size == 0 || size > kMaxBlob)
            return false;
        blob_.assign(size, 0);
        return true;
    }

    bool put(std::size_t offset, const std::vector<std::uint8_t> &data)
    {
        if (blob_.empty())
            return false;
        if (data.empty())
            return true;
        if (offset > blob_.size() || data.size() > blob_.size() - offset)
            return false;
        std::memcpy(blob_.data() + offset, data.data(), data.size());
        return true;
    }

    std::uint32_t checksum() const
    {
        std::uint32_t h = 2166136261u;
        for (std::uint8_t b : blob_) {
            h ^= b;
            h *= 16777619u;
        }
        return h;
    }

    std::size_t size() const { return blob_.size(); }

private:
    std::vector<std::uint8_t> blob_;
};

static void send_line(int fd, const std::string &s)
{
    std::string msg = s + "\n";
    (void)::send(fd, msg.data(), msg.size(), MSG_NOSIGNAL);
}

static void serve_client(int fd)
{
    LineReader reader(fd);
    Reassembler blob;
    while (auto line = reader.next()) {
        std::istringstream in(*line);
        std::string cmd, a, b;
        in >> cmd >> a >> b;
        if (cmd == "SIZE") {
            auto n = parse_size(a);
            send_line(fd, n && blob.begin(*n) ? "OK" : "ERR size");
        } else if (cmd == "PUT") {
            auto off = parse_size(a);
            auto data = decode_hex(b);
            send_line(fd, off && data && blob.put(*off, *data) ? "OK" : "ERR put");
        } else if (cmd == "END") {
            char buf[64];
            std::snprintf(buf, sizeof buf, "DONE %zu %08x", blob.size(), blob.checksum());
            send_line(fd, buf);
            return;
        } else {
            send_line(fd, "ERR command");
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " PORT MAXCLIENTS\n";
        return 2;
    }
    auto port = parse_size(argv[1]);
    auto max_clients = parse_size(argv[2]);
    if (!port || *port < 1024 || *port > 65535 || !max_clients || *max_clients == 0) {
        std::cerr << "bad arguments\n";
        return 2;
    }
    int ls = ::socket(AF_INET, SOCK_STREAM, 0);
    if (ls < 0)
        return 1;
    int one = 1;
    ::setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(*port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(ls, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(ls, 8) != 0) {
        std::perror("listen");
        ::close(ls);
        return 1;
    }
    for (std::size_t i = 0; i < *max_clients; ++i) {
        int c = ::accept(ls, nullptr, nullptr);
        if (c < 0)
            continue;
        serve_client(c);
        ::close(c);
    }
    ::close(ls);
    return 0;
}
