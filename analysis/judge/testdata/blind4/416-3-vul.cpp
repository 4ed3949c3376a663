// Line-based session tracker server on 127.0.0.1: LOGIN/TOUCH/TICK/EXPIRE/LIST/SHUTDOWN commands.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>

struct Session {
    std::string user;
    long last_seen = 0;
    unsigned requests = 0;
};

class SessionTable {
public:
    void login(const std::string &user)
    {
        Session &s = sessions_[user];
        s.user = user;
        s.last_seen = clock_;
        s.requests++;
    }

    bool touch(const std::string &user)
    {
        auto it = sessions_.find(user);
        if (it == sessions_.end())
            return false;
        it->second.last_seen = clock_;
        it->second.requests++;
        return true;
    }

    void tick(long n) { clock_ += n; }

    size_t expire(long max_idle)
    {
        size_t removed = 0;
        for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
            if (clock_ - it->second.last_seen > max_idle) {
                sessions_.erase(it);
                ++removed;
            }
        }
        return removed;
    }

    std::string list() const
    {
        std::ostringstream out;
        for (const auto &kv : sessions_)
            out << kv.second.user << " idle=" << (clock_ - kv.second.last_seen)
                << " req=" << kv.second.requests << "\n";
        return out.str();
    }

private:
    std::unordered_map<std::string, Session> sessions_;
    long clock_ = 0;
};

static bool parse_count(const std::string &s, long &out)
{
    if (s.empty() || s.size() > 6)
        return false;
    for (char ch : s)
        if (ch < '0' || ch > '9')
            return false;
    out = std::strtol(s.c_str(), nullptr, 10);
    return true;
}

static std::string dispatch(SessionTable &table, const std::string &line, bool &stop)
{
    std::istringstream in(line);
    std::string cmd, arg;
    in >> cmd >> arg;
    long n = 0;
    if (cmd == "LOGIN" && !arg.empty()) {
        table.login(arg);
        return "OK\n";
    }
    if (cmd == "TOUCH" && !arg.empty())
        return table.touch(arg) ? "OK\n" : "ERR no session\n";
    if (cmd == "TICK" && parse_count(arg, n)) {
        table.tick(n);
        return "OK\n";
    }
    if (cmd == "EXPIRE" && parse_count(arg, n))
        return "REMOVED " + std::to_string(table.expire(n)) + "\n";
    if (cmd == "LIST")
        return table.list() + ".\n";
    if (cmd == "SHUTDOWN") {
        stop = true;
        return "BYE\n";
    }
    return "ERR bad command\n";
}

static void serve_client(int fd, SessionTable &table, bool &stop)
{
    std::string pending;
    char buf[512];
    while (!stop) {
        ssize_t n = recv(fd, buf, sizeof(buf), 0);
        if (n <= 0)
            break;
        pending.append(buf, static_cast<size_t>(n));
        size_t pos;
        while (!stop && (pos = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, pos);
            pending.erase(0, pos + 1);
            std::string reply = dispatch(table, line, stop);
            if (send(fd, reply.data(), reply.size(), MSG_NOSIGNAL) < 0)
                return;
        }
        if (pending.size() > 4096)
            break;
    }
}

int main(int argc, char **argv)
{
    long port = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 45416;
    if (port < 1024 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) {
        perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) < 0 || listen(srv, 4) < 0) {
        perror("bind/listen");
        close(srv);
        return 1;
    }
    SessionTable table;
    bool stop = false;
    while (!stop) {
        int fd = accept(srv, nullptr, nullptr);
        if (fd < 0)
            continue;
        serve_client(fd, table, stop);
        close(fd);
    }
    close(srv);
    return 0;
}
