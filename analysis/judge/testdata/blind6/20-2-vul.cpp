// Runs a small account ledger service on a loopback TCP port that answers BALANCE and TRANSFER commands.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

class Ledger {
public:
    Ledger() {
        balances_["alice"] = 1000;
        balances_["bob"] = 250;
        balances_["carol"] = 40;
    }

    bool has(const std::string &name) const { return balances_.count(name) != 0; }

    long long balance(const std::string &name) const { return balances_.at(name); }

    std::string transfer(const std::string &from, const std::string &to, int amount) {
        if (!has(from) || !has(to))
            return "ERR unknown account";
        if (from == to)
            return "ERR same account";
        if (amount > balances_[from])
            return "ERR insufficient funds";
        balances_[from] -= amount;
        balances_[to] += amount;
        return "OK";
    }

private:
    std::map<std::string, long long> balances_;
};

static bool parse_amount(const std::string &text, int &out) {
    try {
        size_t used = 0;
        int v = std::stoi(text, &used, 10);
        if (used != text.size())
            return false;
        out = v;
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

static std::string handle_line(Ledger &ledger, const std::string &line, bool &quit) {
    std::istringstream in(line);
    std::string cmd;
    in >> cmd;
    if (cmd == "BALANCE") {
        std::string who;
        in >> who;
        if (!ledger.has(who))
            return "ERR unknown account";
        return "OK " + std::to_string(ledger.balance(who));
    }
    if (cmd == "TRANSFER") {
        std::string from, to, amount_text;
        in >> from >> to >> amount_text;
        int amount = 0;
        if (!parse_amount(amount_text, amount))
            return "ERR bad amount";
        return ledger.transfer(from, to, amount);
    }
    if (cmd == "QUIT") {
        quit = true;
        return "BYE";
    }
    return "ERR unknown command";
}

static void serve_client(int fd, Ledger &ledger) {
    std::string pending;
    char buf[512];
    bool quit = false;
    while (!quit) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            break;
        pending.append(buf, static_cast<size_t>(n));
        size_t nl;
        while (!quit && (nl = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            std::string reply = handle_line(ledger, line, quit) + "\n";
            if (write(fd, reply.data(), reply.size()) < 0)
                return;
        }
        if (pending.size() > 4096)
            break;
    }
}

int main(int argc, char **argv) {
    int port = argc > 1 ? std::atoi(argv[1]) : 45020;
    int sessions = argc > 2 ? std::atoi(argv[2]) : 1;
    if (port < 1024 || port > 65535 || sessions < 1) {
        std::fprintf(stderr, "usage: %s [PORT] [SESSIONS]\n", argv[0]);
        return 2;
    }
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) {
        std::perror("socket");
        return 1;
    }
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
    Ledger ledger;
    for (int served = 0; served < sessions;) {
        int fd = accept(srv, nullptr, nullptr);
        if (fd < 0) {
            std::perror("accept");
            break;
        }
        serve_client(fd, ledger);
        close(fd);
        ++served;
    }
    close(srv);
    return 0;
}
