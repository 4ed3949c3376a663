// Serves a small in-memory key/value store over a line-based TCP protocol on 127.0.0.1.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using Store = std::map<std::string, std::string>;
using Args = std::vector<std::string>;

class Command {
public:
    virtual ~Command() = default;
    virtual size_t arity() const = 0;
    virtual std::string run(Store &db, const Args &args) = 0;
};

class GetCommand : public Command {
public:
    size_t arity() const override { return 1; }
    std::string run(Store &db, const Args &a) override {
        auto it = db.find(a[0]);
        return it == db.end() ? "NIL" : "VAL " + it->second;
    }
};

class SetCommand : public Command {
public:
    size_t arity() const override { return 2; }
    std::string run(Store &db, const Args &a) override {
        db[a[0]] = a[1];
        return "OK";
    }
};

class DelCommand : public Command {
public:
    size_t arity() const override { return 1; }
    std::string run(Store &db, const Args &a) override {
        return db.erase(a[0]) ? "OK" : "NIL";
    }
};

class CountCommand : public Command {
public:
    size_t arity() const override { return 0; }
    std::string run(Store &db, const Args &) override {
        return "INT " + std::to_string(db.size());
    }
};

static std::unique_ptr<Command> make_command(const std::string &verb) {
    static const std::map<std::string, std::function<std::unique_ptr<Command>()>> table = {
        {"GET", [] { return std::make_unique<GetCommand>(); }},
        {"SET", [] { return std::make_unique<SetCommand>(); }},
        {"DEL", [] { return std::make_unique<DelCommand>(); }},
        {"COUNT", [] { return std::make_unique<CountCommand>(); }},
    };
    auto it = table.find(verb);
    if (it == table.end())
        return nullptr;
    return it->second();
}

static std::string dispatch(Store &db, const std::string &line) {
    std::istringstream in(line);
    std::string verb, word;
    Args args;
    if (!(in >> verb))
        return "ERR empty";
    while (in >> word)
        args.push_back(word);
    std::unique_ptr<Command> cmd = make_command(verb);
    if (args.size() != cmd->arity())
        return "ERR wrong number of arguments";
    return cmd->run(db, args);
}

class Connection {
public:
    explicit Connection(int fd) : fd_(fd) {}
    ~Connection() { close(fd_); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool read_line(std::string &line) {
        for (;;) {
            auto nl = buf_.find('\n');
            if (nl != std::string::npos) {
                line = buf_.substr(0, nl);
                buf_.erase(0, nl + 1);
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                return true;
            }
            if (buf_.size() > 4096)
                return false;
            char chunk[512];
            ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
            if (n <= 0)
                return false;
            buf_.append(chunk, static_cast<size_t>(n));
        }
    }

    bool send_line(const std::string &s) {
        std::string out = s + "\n";
        size_t off = 0;
        while (off < out.size()) {
            ssize_t n = send(fd_, out.data() + off, out.size() - off, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            off += static_cast<size_t>(n);
        }
        return true;
    }

private:
    int fd_;
    std::string buf_;
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
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(fd, 8) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " PORT [MAX_CLIENTS]\n";
        return 2;
    }
    int port = std::atoi(argv[1]);
    long max_clients = argc > 2 ? std::atol(argv[2]) : 0;
    if (port < 1024 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int lfd = listen_on(port);
    if (lfd < 0) {
        std::cerr << "cannot listen on port " << port << "\n";
        return 1;
    }
    Store db;
    for (long served = 0; max_clients <= 0 || served < max_clients; served++) {
        int cfd = accept(lfd, nullptr, nullptr);
        if (cfd < 0)
            continue;
        Connection conn(cfd);
        std::string line;
        while (conn.read_line(line)) {
            if (line == "QUIT")
                break;
            if (!conn.send_line(dispatch(db, line)))
                break;
        }
    }
    close(lfd);
    return 0;
}
