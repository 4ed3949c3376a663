// Loopback heartbeat server: answers "BEAT <len> <payload>" lines by echoing <len> bytes of the payload.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

static const std::size_t kMaxPayload = 4096;
static const std::size_t kMaxLine = 8192;

class HeartbeatSession {
public:
    bool handle_line(const std::string &line, std::string &reply)
    {
        if (line == "QUIT") {
            reply = "BYE\n";
            return false;
        }
        if (line.compare(0, 5, "BEAT ") != 0) {
            reply = "ERR unknown command\n";
            return true;
        }
        std::size_t len = 0;
        std::size_t sp = line.find(' ', 5);
        if (sp == std::string::npos || !parse_length(line.substr(5, sp - 5), len)) {
            reply = "ERR bad length\n";
            return true;
        }
        std::vector<char> payload(line.begin() + static_cast<std::ptrdiff_t>(sp) + 1, line.end());
        if (len > kMaxPayload) {
            reply = "ERR length too large\n";
            return true;
        }
        ++beats_;
        reply = "BEAT " + std::to_string(beats_) + " ";
        reply.append(payload.data(), len);
        reply += "\n";
        return true;
    }

private:
    static bool parse_length(const std::string &s, std::size_t &out)
    {
        if (s.empty() || s.size() > 9)
            return false;
        for (char c : s)
            if (c < '0' || c > '9')
                return false;
        out = std::stoul(s);
        return true;
    }

    unsigned long beats_ = 0;
};

static bool send_all(int fd, const std::string &data)
{
    std::size_t off = 0;
    while (off < data.size()) {
        ssize_t n = send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        off += static_cast<std::size_t>(n);
    }
    return true;
}

static void serve_client(int fd)
{
    HeartbeatSession session;
    std::string pending;
    char buf[1024];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof(buf), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        pending.append(buf, static_cast<std::size_t>(n));
        std::size_t nl;
        while ((nl = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            std::string reply;
            bool keep = session.handle_line(line, reply);
            if (!send_all(fd, reply) || !keep)
                return;
        }
        if (pending.size() > kMaxLine)
            return;
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " port\n";
        return 2;
    }
    char *end = nullptr;
    long port = std::strtol(argv[1], &end, 10);
    if (end == argv[1] || *end != '\0' || port <= 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) {
        std::perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0 || listen(srv, 4) != 0) {
        std::perror("bind/listen");
        close(srv);
        return 1;
    }
    int client = accept(srv, nullptr, nullptr);
    if (client < 0) {
        std::perror("accept");
        close(srv);
        return 1;
    }
    serve_client(client);
    close(client);
    close(srv);
    return 0;
}
