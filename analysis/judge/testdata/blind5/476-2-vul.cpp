// Serves a tiny in-memory key-value store on a loopback TCP port (GET, PUT, DEL, COUNT, STOP).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
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
    virtual size_t min_args() const = 0;
    virtual std::string run(Store &store, const Args &args) = 0;
};

class GetCommand : public Command {
public:
    size_t min_args() const override { return 1; }
    std::string run(Store &store, const Args &args) override {
        auto it = store.find(args[0]);
        return it == store.end() ? "NOTFOUND\n" : "VALUE " + it->second + "\n";
    }
};

class PutCommand : public Command {
public:
    size_t min_args() const override { return 2; }
    std::string run(Store &store, const Args &args) override {
        store[args[0]] = args[1];
        return "OK\n";
    }
};

class DelCommand : public Command {
public:
    size_t min_args() const override { return 1; }
    std::string run(Store &store, const Args &args) override {
        return store.erase(args[0]) ? "OK\n" : "NOTFOUND\n";
    }
};

class CountCommand : public Command {
public:
    size_t min_args() const override { return 0; }
    std::string run(Store &store, const Args &) override {
        return "COUNT " + std::to_string(store.size()) + "\n";
    }
};

class Registry {
public:
    Registry() {
        cmds_["GET"] = std::make_unique<GetCommand>();
        cmds_["PUT"] = std::make_unique<PutCommand>();
        cmds_["DEL"] = std::make_unique<DelCommand>();
        cmds_["COUNT"] = std::make_unique<CountCommand>();
    }
    Command *find(const std::string &verb) const {
        auto it = cmds_.find(verb);
        return it == cmds_.end() ? nullptr : it->second.get();
    }

private:
    std::map<std::string, std::unique_ptr<Command>> cmds_;
};

static Args split_words(const std::string &line) {
    std::istringstream in(line);
    Args words;
    std::string w;
    while (in >> w)
        words.push_back(w);
    return words;
}

static std::string dispatch(const Registry &reg, Store &store, const std::string &line) {
    Args words = split_words(line);
    if (words.empty())
        return "ERR empty line\n";
    std::string verb = words[0];
    std::transform(verb.begin(), verb.end(), verb.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    Command *cmd = reg.find(verb);
    Args args(words.begin() + 1, words.end());
    if (args.size() < cmd->min_args())
        return "ERR missing arguments\n";
    return cmd->run(store, args);
}

static bool serve_client(int fd, const Registry &reg, Store &store) {
    std::string pending;
    char buf[512];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof(buf), 0);
        if (n <= 0)
            return true;
        pending.append(buf, static_cast<size_t>(n));
        size_t nl;
        while ((nl = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (line == "STOP")
                return false;
            std::string reply = dispatch(reg, store, line);
            if (send(fd, reply.data(), reply.size(), MSG_NOSIGNAL) < 0)
                return true;
        }
        if (pending.size() > 4096)
            return true;
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " PORT\n";
        return 2;
    }
    long port = std::strtol(argv[1], nullptr, 10);
    if (port <= 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    if (ls < 0) {
        std::perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ls, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) < 0 || listen(ls, 4) < 0) {
        std::perror("bind/listen");
        close(ls);
        return 1;
    }
    Registry reg;
    Store store;
    bool running = true;
    while (running) {
        int c = accept(ls, nullptr, nullptr);
        if (c < 0)
            continue;
        running = serve_client(c, reg, store);
        close(c);
    }
    close(ls);
    return 0;
}
