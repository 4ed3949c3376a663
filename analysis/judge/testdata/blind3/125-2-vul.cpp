// Status-code lookup server: listens on 127.0.0.1, reads a numeric code from each client and replies with its description.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

static const char* const kReasons[] = {"ok", "moved", "bad request", "unauthorized",
                                       "forbidden", "not found", "server error"};
constexpr int kReasonCount = sizeof kReasons / sizeof kReasons[0];

class Responder {
public:
    std::string answer(const std::string& req) const {
        int code = std::atoi(req.c_str());
        if (code < 0 || code > kReasonCount)
            return "unknown\n";
        return std::to_string(code) + " " + kReasons[code] + "\n";
    }
};

static int listen_on(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 || listen(fd, 4) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char** argv) {
    int port = argc > 1 ? std::atoi(argv[1]) : 7070;
    int clients = argc > 2 ? std::atoi(argv[2]) : 1;
    int lfd = listen_on(port);
    if (lfd < 0) {
        std::perror("listen");
        return 1;
    }
    Responder responder;
    for (int i = 0; i < clients; ++i) {
        int cfd = accept(lfd, nullptr, nullptr);
        if (cfd < 0)
            continue;
        char buf[64];
        ssize_t n = recv(cfd, buf, sizeof buf - 1, 0);
        if (n > 0) {
            buf[n] = '\0';
            std::string reply = responder.answer(buf);
            send(cfd, reply.data(), reply.size(), 0);
        }
        close(cfd);
    }
    close(lfd);
    return 0;
}
