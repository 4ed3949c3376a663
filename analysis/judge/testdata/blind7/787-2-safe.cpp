// Loopback metrics server: a client sets numbered gauge slots and asks for their total.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

class GaugeTable {
public:
    static constexpr int kSlots = 16;

    GaugeTable() { std::memset(values_, 0, sizeof values_); }

    void store(int slot, long value) { values_[slot] = value; }

    long average() const
    {
        long t = 0;
        for (int i = 0; i < kSlots; ++i)
            t += values_[i] / kSlots;
        return t;
    }

    void clear() { std::memset(values_, 0, sizeof values_); }

private:
    long values_[kSlots];
};

struct Command {
    std::string verb;
    int slot = 0;
    long value = 0;
};

static bool parse_command(const std::string &line, Command &cmd)
{
    std::istringstream in(line);
    if (!(in >> cmd.verb))
        return false;
    if (cmd.verb == "SET")
        return static_cast<bool>(in >> cmd.slot >> cmd.value);
    return cmd.verb == "SUM" || cmd.verb == "CLEAR" || cmd.verb == "QUIT";
}

class Session {
public:
    Session(int fd, GaugeTable &table) : fd_(fd), table_(table) {}

    void run()
    {
        std::string line;
        while (read_line(line)) {
            Command cmd;
            if (!parse_command(line, cmd)) {
                reply("ERR syntax\n");
                continue;
            }
            if (cmd.verb == "QUIT")
                break;
            reply(dispatch(cmd));
        }
    }

private:
    std::string dispatch(const Command &cmd)
    {
        if (cmd.verb == "SET") {
            if (cmd.slot < 0 || cmd.slot >= GaugeTable::kSlots)
                return "ERR no such slot\n";
            table_.store(cmd.slot, cmd.value);
            return "OK\n";
        }
        if (cmd.verb == "CLEAR") {
            table_.clear();
            return "OK\n";
        }
        return "AVG " + std::to_string(table_.average()) + "\n";
    }

    bool read_line(std::string &line)
    {
        for (;;) {
            auto nl = pending_.find('\n');
            if (nl != std::string::npos) {
                line = pending_.substr(0, nl);
                pending_.erase(0, nl + 1);
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                return true;
            }
            if (pending_.size() > 4096)
                return false;
            char buf[512];
            ssize_t n = recv(fd_, buf, sizeof buf, 0);
            if (n <= 0)
                return false;
            pending_.append(buf, static_cast<std::size_t>(n));
        }
    }

    void reply(const std::string &s)
    {
        if (send(fd_, s.data(), s.size(), MSG_NOSIGNAL) < 0)
            std::perror("send");
    }

    int fd_;
    GaugeTable &table_;
    std::string pending_;
};

static int listen_loopback(unsigned short port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return -1;
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || listen(s, 4) != 0) {
        close(s);
        return -1;
    }
    return s;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " PORT\n";
        return 2;
    }
    long port = std::strtol(argv[1], nullptr, 10);
    if (port < 1024 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int ls = listen_loopback(static_cast<unsigned short>(port));
    if (ls < 0) {
        std::perror("listen");
        return 1;
    }
    auto table = std::make_unique<GaugeTable>();
    int c = accept(ls, nullptr, nullptr);
    if (c >= 0) {
        Session session(c, *table);
        session.run();
        close(c);
    }
    close(ls);
    return 0;
}
