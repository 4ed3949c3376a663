// Loopback TCP register server: clients send GET/SET/QUIT lines to read and update a bank of counters.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

class RegisterBank {
public:
    static constexpr int kSlots = 16;

    bool in_range(int idx) const { return idx >= 0 && idx <= kSlots - 1; }

    bool get(int idx, int &out) const {
        if (!in_range(idx)) return false;
        out = regs_[idx];
        return true;
    }

    bool set(int idx, int value) {
        if (!in_range(idx)) return false;
        regs_[idx] = value;
        return true;
    }

private:
    int regs_[kSlots] = {};
};

static bool parse_int(const std::string &s, int &out) {
    if (s.empty() || s.size() > 10) return false;
    char *end = nullptr;
    long v = std::strtol(s.c_str(), &end, 10);
    if (*end != '\0' || v < -2147483647L || v > 2147483647L) return false;
    out = static_cast<int>(v);
    return true;
}

static std::string handle_line(RegisterBank &bank, const std::string &line, bool &quit) {
    std::istringstream in(line);
    std::string cmd, a, b;
    in >> cmd >> a >> b;
    int idx = 0, val = 0;
    if (cmd == "QUIT") {
        quit = true;
        return "BYE\n";
    }
    if (cmd == "GET" && parse_int(a, idx)) {
        if (bank.get(idx, val)) return "OK " + std::to_string(val) + "\n";
        return "ERR range\n";
    }
    if (cmd == "SET" && parse_int(a, idx) && parse_int(b, val)) {
        if (bank.set(idx, val)) return "OK\n";
        return "ERR range\n";
    }
    return "ERR syntax\n";
}

static void serve_client(int fd, RegisterBank &bank) {
    std::string pending;
    char buf[512];
    bool quit = false;
    while (!quit) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) break;
        pending.append(buf, static_cast<size_t>(n));
        if (pending.size() > 4096) break;
        size_t pos;
        while (!quit && (pos = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, pos);
            pending.erase(0, pos + 1);
            std::string reply = handle_line(bank, line, quit);
            if (write(fd, reply.data(), reply.size()) < 0) return;
        }
    }
}

int main(int argc, char **argv) {
    long port = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 45021;
    if (port < 1024 || port > 65535) {
        std::fprintf(stderr, "bad port\n");
        return 1;
    }
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) { std::perror("socket"); return 1; }
    int one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(srv, 4) < 0) {
        std::perror("bind/listen");
        close(srv);
        return 1;
    }
    auto bank = std::make_unique<RegisterBank>();
    int cli = accept(srv, nullptr, nullptr);
    if (cli >= 0) {
        serve_client(cli, *bank);
        close(cli);
    }
    close(srv);
    return 0;
}
