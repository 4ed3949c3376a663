// Loopback server that receives batches of fixed-size records and replies with a checksum per record.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr size_t kMaxBatch = 60000;

struct BatchHeader {
    uint16_t count;
    uint16_t rec_len;
};

bool recv_all(int fd, unsigned char *dst, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t n = recv(fd, dst + got, len - got, 0);
        if (n <= 0)
            return false;
        got += static_cast<size_t>(n);
    }
    return true;
}

bool read_header(int fd, BatchHeader &h)
{
    unsigned char raw[4];
    if (!recv_all(fd, raw, sizeof raw))
        return false;
    h.count = static_cast<uint16_t>(raw[0] << 8 | raw[1]);
    h.rec_len = static_cast<uint16_t>(raw[2] << 8 | raw[3]);
    return h.count != 0 && h.rec_len != 0;
}

uint32_t adler32(const unsigned char *p, size_t n)
{
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < n; ++i) {
        a = (a + p[i]) % 65521;
        b = (b + a) % 65521;
    }
    return b << 16 | a;
}

class BatchReader {
public:
    explicit BatchReader(int fd) : fd_(fd) {}

    bool receive(std::vector<uint32_t> &sums)
    {
        BatchHeader h{};
        if (!read_header(fd_, h))
            return false;
        const uint16_t total = h.count * h.rec_len;
        if (total > kMaxBatch)
            return false;
        std::unique_ptr<unsigned char[]> data(new unsigned char[total]);
        for (unsigned i = 0; i < h.count; ++i) {
            if (!recv_all(fd_, data.get() + static_cast<size_t>(i) * h.rec_len, h.rec_len))
                return false;
        }
        sums.clear();
        for (unsigned i = 0; i < h.count; ++i)
            sums.push_back(adler32(data.get() + static_cast<size_t>(i) * h.rec_len, h.rec_len));
        return true;
    }

private:
    int fd_;
};

void serve(int fd)
{
    BatchReader reader(fd);
    std::vector<uint32_t> sums;
    while (reader.receive(sums)) {
        std::ostringstream os;
        os << sums.size();
        for (uint32_t s : sums)
            os << ' ' << std::hex << s << std::dec;
        os << '\n';
        const std::string reply = os.str();
        if (send(fd, reply.data(), reply.size(), 0) < 0)
            return;
    }
}

} // namespace

int main(int argc, char **argv)
{
    const int port = argc > 1 ? std::atoi(argv[1]) : 45190;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) {
        std::perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(s, 4) < 0) {
        std::perror("bind/listen");
        close(s);
        return 1;
    }
    int c = accept(s, nullptr, nullptr);
    if (c >= 0) {
        serve(c);
        close(c);
    }
    close(s);
    std::cout << "connection closed\n";
    return 0;
}
