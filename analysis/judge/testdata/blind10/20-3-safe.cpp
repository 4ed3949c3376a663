// Small loopback ledger server: clients query balances and transfer money between accounts.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

bool parse_amount(const std::string &text, long long &cents)
{
    std::string whole = text, frac = "00";
    auto dot = text.find('.');
    if (dot != std::string::npos) {
        whole = text.substr(0, dot);
        frac = text.substr(dot + 1);
        if (frac.size() != 2 || !isdigit(static_cast<unsigned char>(frac[0])) ||
            !isdigit(static_cast<unsigned char>(frac[1])))
            return false;
    }
    if (whole.empty() || whole.size() > 12)
        return false;
    try {
        size_t used = 0;
        long long w = std::stoll(whole, &used, 10);
        if (used != whole.size())
            return false;
        long long f = (frac[0] - '0') * 10 + (frac[1] - '0');
        cents = whole[0] == '-' ? w * 100 - f : w * 100 + f;
    } catch (const std::exception &) {
        return false;
    }
    return true;
}

std::string format_cents(long long c)
{
    std::ostringstream os;
    if (c < 0) {
        os << '-';
        c = -c;
    }
    os << c / 100 << '.' << (c % 100 < 10 ? "0" : "") << c % 100;
    return os.str();
}

class Ledger {
public:
    Ledger()
    {
        accounts_["alice"] = 50000;
        accounts_["bob"] = 12000;
        accounts_["shop"] = 0;
    }

    std::string balance(const std::string &who) const
    {
        auto it = accounts_.find(who);
        if (it == accounts_.end())
            return "ERR no such account";
        return "OK " + format_cents(it->second);
    }

    std::string transfer(const std::string &from, const std::string &to, long long amount)
    {
        auto src = accounts_.find(from);
        auto dst = accounts_.find(to);
        if (src == accounts_.end() || dst == accounts_.end() || src == dst)
            return "ERR bad account";
        if (amount <= 0)
            return "ERR invalid amount";
        if (amount > src->second)
            return "ERR insufficient funds";
        src->second -= amount;
        dst->second += amount;
        return "OK " + format_cents(src->second);
    }

private:
    std::map<std::string, long long> accounts_;
};

std::string handle_command(Ledger &ledger, const std::string &line)
{
    std::istringstream in(line);
    std::string cmd;
    in >> cmd;
    if (cmd == "BALANCE") {
        std::string who;
        if (in >> who)
            return ledger.balance(who);
    } else if (cmd == "TRANSFER") {
        std::string from, to, amt;
        long long cents = 0;
        if ((in >> from >> to >> amt) && parse_amount(amt, cents))
            return ledger.transfer(from, to, cents);
    }
    return "ERR syntax";
}

void serve_client(int fd, Ledger &ledger)
{
    std::string pending;
    char buf[512];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return;
        pending.append(buf, static_cast<size_t>(n));
        size_t nl;
        while ((nl = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (line == "QUIT")
                return;
            std::string reply = handle_command(ledger, line) + "\n";
            if (send(fd, reply.data(), reply.size(), 0) < 0)
                return;
        }
        if (pending.size() > 4096)
            return;
    }
}

} // namespace

int main(int argc, char **argv)
{
    int port = argc > 1 ? std::atoi(argv[1]) : 45020;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) {
        perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(s, 4) < 0) {
        perror("bind/listen");
        close(s);
        return 1;
    }
    Ledger ledger;
    int c = accept(s, nullptr, nullptr);
    if (c >= 0) {
        serve_client(c, ledger);
        close(c);
    }
    close(s);
    std::cout << "alice " << ledger.balance("alice") << ", bob " << ledger.balance("bob")
              << ", shop " << ledger.balance("shop") << '\n';
    return 0;
}
