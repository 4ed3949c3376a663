/* Runs a small line-based key/value server on a loopback TCP port (SET, GET, DEL, STATS, QUIT, SHUTDOWN). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>

struct Item {
    std::string value;
    unsigned long hits = 0;
};

class KvStore {
public:
    void set(const std::string &key, const std::string &value) { items_[key] = Item{value, 0}; }
    Item *find(const std::string &key) {
        auto it = items_.find(key);
        return it == items_.end() ? nullptr : &it->second;
    }
    bool erase(const std::string &key) { return items_.erase(key) > 0; }
    size_t size() const { return items_.size(); }

private:
    std::map<std::string, Item> items_;
};

class Session {
public:
    Session(int fd, KvStore &store) : fd_(fd), store_(store) {}

    // Returns false when the client asked the server to stop.
    bool run() {
        std::string buf;
        char chunk[512];
        for (;;) {
            ssize_t n = recv(fd_, chunk, sizeof(chunk), 0);
            if (n <= 0)
                return true;
            buf.append(chunk, static_cast<size_t>(n));
            size_t nl;
            while ((nl = buf.find('\n')) != std::string::npos) {
                std::string line = buf.substr(0, nl);
                buf.erase(0, nl + 1);
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                int rc = dispatch(line);
                if (rc != 0)
                    return rc > 0;
            }
            if (buf.size() > kMaxLine) {
                reply("ERR line too long");
                return true;
            }
        }
    }

private:
    static constexpr size_t kMaxLine = 4096;

    void reply(const std::string &msg) {
        std::string out = msg + "\r\n";
        const char *p = out.data();
        size_t left = out.size();
        while (left > 0) {
            ssize_t w = send(fd_, p, left, MSG_NOSIGNAL);
            if (w <= 0)
                return;
            p += w;
            left -= static_cast<size_t>(w);
        }
    }

    void handle_get(const std::string &key) {
        Item *item = store_.find(key);
        if (!item) { reply("NOT_FOUND"); return; }
        item->hits++;
        reply("VALUE " + item->value);
    }

    void handle_del(const std::string &key) {
        const Item *item = store_.find(key);
        if (!item) { reply("NOT_FOUND"); return; }
        store_.erase(key);
        reply("DELETED " + key + " bytes=" + std::to_string(item->value.size()) +
              " hits=" + std::to_string(item->hits));
    }

    // 0 = keep going, 1 = close this session, -1 = stop the server.
    int dispatch(const std::string &line) {
        std::istringstream in(line);
        std::string cmd, key;
        in >> cmd >> key;
        if (cmd == "SET" && !key.empty()) {
            std::string value;
            std::getline(in >> std::ws, value);
            store_.set(key, value);
            reply("STORED");
        } else if (cmd == "GET" && !key.empty()) {
            handle_get(key);
        } else if (cmd == "DEL" && !key.empty()) {
            handle_del(key);
        } else if (cmd == "STATS") {
            reply("KEYS " + std::to_string(store_.size()));
        } else if (cmd == "QUIT") {
            reply("BYE");
            return 1;
        } else if (cmd == "SHUTDOWN") {
            reply("BYE");
            return -1;
        } else if (!cmd.empty()) {
            reply("ERR unknown command");
        }
        return 0;
    }

    int fd_;
    KvStore &store_;
};

static int listen_loopback(unsigned short port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) < 0 || listen(fd, 8) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv) {
    unsigned long port = 47416;
    if (argc > 1) {
        char *end = nullptr;
        errno = 0;
        port = std::strtoul(argv[1], &end, 10);
        if (errno || *end != '\0' || port == 0 || port > 65535) {
            std::fprintf(stderr, "bad port: %s\n", argv[1]);
            return 2;
        }
    }
    int lfd = listen_loopback(static_cast<unsigned short>(port));
    if (lfd < 0) {
        std::perror("listen");
        return 1;
    }
    KvStore store;
    bool keep_running = true;
    while (keep_running) {
        int cfd = accept(lfd, nullptr, nullptr);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            std::perror("accept");
            break;
        }
        Session s(cfd, store);
        keep_running = s.run();
        close(cfd);
    }
    close(lfd);
    return 0;
}
