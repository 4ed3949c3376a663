// Serves a tiny line-based key/value store over TCP on 127.0.0.1.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

class LineAssembler {
public:
    // Returns true when a complete line is available through take().
    bool feed(char c)
    {
        if (c == '\r')
            return false;
        if (c == '\n') {
            buf_[used_] = '\0';
            return true;
        }
        if (used_ < sizeof buf_)
            buf_[used_++] = c;
        return false;
    }
    std::string take()
    {
        std::string s(buf_);
        used_ = 0;
        return s;
    }

private:
    std::size_t used_ = 0;
    char buf_[128];
};

class Store {
public:
    std::string handle(const std::string &line, bool &quit)
    {
        std::istringstream in(line);
        std::string cmd, key, value;
        in >> cmd >> key;
        std::getline(in >> std::ws, value);
        if (cmd == "SET" && !key.empty()) {
            data_[key] = value;
            return "OK\n";
        }
        if (cmd == "GET" && !key.empty()) {
            auto it = data_.find(key);
            return it == data_.end() ? "NOTFOUND\n" : it->second + "\n";
        }
        if (cmd == "DEL" && !key.empty())
            return data_.erase(key) ? "OK\n" : "NOTFOUND\n";
        if (cmd == "QUIT" || cmd == "SHUTDOWN") {
            quit = true;
            return "BYE\n";
        }
        return "ERR\n";
    }

private:
    std::map<std::string, std::string> data_;
};

static bool send_all(int fd, const std::string &s)
{
    std::size_t off = 0;
    while (off < s.size()) {
        ssize_t n = send(fd, s.data() + off, s.size() - off, 0);
        if (n <= 0)
            return false;
        off += static_cast<std::size_t>(n);
    }
    return true;
}

// Returns false when the client asked the server to shut down.
static bool serve_client(int fd, Store &store)
{
    LineAssembler lines;
    char chunk[512];
    ssize_t n;
    while ((n = recv(fd, chunk, sizeof chunk, 0)) > 0) {
        for (ssize_t i = 0; i < n; ++i) {
            if (!lines.feed(chunk[i]))
                continue;
            std::string line = lines.take();
            bool quit = false;
            std::string reply = store.handle(line, quit);
            if (!send_all(fd, reply) || quit)
                return line.rfind("SHUTDOWN", 0) != 0;
        }
    }
    return true;
}

int main(int argc, char **argv)
{
    int port = argc > 1 ? std::atoi(argv[1]) : 47119;
    if (port <= 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) {
        perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(srv, 4) < 0) {
        perror("bind/listen");
        close(srv);
        return 1;
    }
    Store store;
    bool running = true;
    while (running) {
        int fd = accept(srv, nullptr, nullptr);
        if (fd < 0)
            continue;
        running = serve_client(fd, store);
        close(fd);
    }
    close(srv);
    return 0;
}
