// Loopback server for a small "subscribe" protocol: decodes a list of topic names from one request.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

static bool recv_exact(int fd, uint8_t *p, size_t n) {
    while (n > 0) {
        ssize_t r = recv(fd, p, n, 0);
        if (r <= 0)
            return false;
        p += r;
        n -= static_cast<size_t>(r);
    }
    return true;
}

// Body layout: count byte, then count entries of (length byte, name bytes).
static std::vector<std::string> decode_topics(const std::vector<uint8_t> &body) {
    std::vector<std::string> topics;
    if (body.empty())
        return topics;
    size_t count = body[0], off = 1;
    for (size_t i = 0; i < count && off < body.size(); ++i) {
        size_t n = body[off];
        if (n > body.size() - off - 1)
            break;
        topics.emplace_back(reinterpret_cast<const char *>(body.data() + off + 1), n);
        off += 1 + n;
    }
    return topics;
}

class SubscribeServer {
public:
    explicit SubscribeServer(int port) : port_(port) {}

    int serve_one() {
        int lfd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<uint16_t>(port_));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(lfd, reinterpret_cast<sockaddr *>(&a), sizeof a) < 0 || listen(lfd, 1) < 0)
            return -1;
        int cfd = accept(lfd, nullptr, nullptr);
        uint8_t hdr[2];
        if (cfd >= 0 && recv_exact(cfd, hdr, 2)) {
            std::vector<uint8_t> body(static_cast<size_t>(hdr[0] << 8 | hdr[1]));
            if (recv_exact(cfd, body.data(), body.size())) {
                for (const auto &t : decode_topics(body))
                    subscribed_.push_back(t);
            }
            std::string reply = std::to_string(subscribed_.size()) + " topics\n";
            send(cfd, reply.data(), reply.size(), 0);
            close(cfd);
        }
        close(lfd);
        return 0;
    }

    void dump() const {
        for (const auto &t : subscribed_)
            std::cout << "subscribed: " << t << "\n";
    }

private:
    int port_;
    std::vector<std::string> subscribed_;
};

int main(int argc, char **argv) {
    SubscribeServer srv(argc > 1 ? std::atoi(argv[1]) : 7071);
    if (srv.serve_one() < 0) {
        std::perror("serve");
        return 1;
    }
    srv.dump();
    return 0;
}
