// Small TCP service on 127.0.0.1 that stores and returns values in a bank of numbered registers.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>

class RegisterBank {
public:
    static constexpr int kSlots = 16;

    RegisterBank() {
        for (int i = 0; i < kSlots; ++i) values_[i] = 0;
    }

    bool store(int slot, int value) {
        if (slot > kSlots) return false;
        values_[slot - 1] = value;
        return true;
    }

    bool load(int slot, int &value) const {
        if (slot < 1 || slot > kSlots) return false;
        value = values_[slot - 1];
        return true;
    }

private:
    int values_[kSlots];
};

class Connection {
public:
    explicit Connection(int fd) : fd_(fd) {}
    ~Connection() { close(fd_); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool read_line(std::string &line) {
        for (;;) {
            auto pos = pending_.find('\n');
            if (pos != std::string::npos) {
                line = pending_.substr(0, pos);
                pending_.erase(0, pos + 1);
                if (!line.empty() && line.back() == '\r') line.pop_back();
                return true;
            }
            if (pending_.size() > 4096) return false;
            char buf[512];
            ssize_t n = recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) return false;
            pending_.append(buf, static_cast<size_t>(n));
        }
    }

    void send_line(const std::string &text) {
        std::string out = text + "\n";
        size_t off = 0;
        while (off < out.size()) {
            ssize_t n = send(fd_, out.data() + off, out.size() - off, MSG_NOSIGNAL);
            if (n <= 0) return;
            off += static_cast<size_t>(n);
        }
    }

private:
    int fd_;
    std::string pending_;
};

static std::string handle_command(RegisterBank &bank, const std::string &line, bool &stop) {
    std::istringstream in(line);
    std::string cmd;
    in >> cmd;
    if (cmd == "SET") {
        int slot, value;
        if (!(in >> slot >> value)) return "ERR syntax";
        return bank.store(slot, value) ? "OK" : "ERR slot";
    }
    if (cmd == "GET") {
        int slot, value = 0;
        if (!(in >> slot)) return "ERR syntax";
        if (!bank.load(slot, value)) return "ERR slot";
        return "VAL " + std::to_string(value);
    }
    if (cmd == "SHUTDOWN") {
        stop = true;
        return "BYE";
    }
    return "ERR unknown command";
}

static int open_listener(unsigned short port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(fd, 4) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv) {
    unsigned short port = 45020;
    if (argc > 1) {
        long p = std::strtol(argv[1], nullptr, 10);
        if (p < 1024 || p > 65535) {
            std::cerr << "bad port\n";
            return 1;
        }
        port = static_cast<unsigned short>(p);
    }
    int lfd = open_listener(port);
    if (lfd < 0) {
        std::cerr << "cannot listen\n";
        return 1;
    }
    RegisterBank bank;
    bool stop = false;
    while (!stop) {
        int cfd = accept(lfd, nullptr, nullptr);
        if (cfd < 0) continue;
        Connection conn(cfd);
        std::string line;
        while (!stop && conn.read_line(line))
            conn.send_line(handle_command(bank, line, stop));
    }
    close(lfd);
    return 0;
}
