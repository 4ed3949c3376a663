// Serves a shared character canvas on a loopback TCP port; clients draw and read rows with text commands.
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

class Canvas {
public:
    Canvas(std::size_t w, std::size_t h)
        : w_(w), h_(h), cells_(new char[w * h]) {
        std::memset(cells_.get(), '.', w * h);
    }

    bool put(std::size_t x, std::size_t y, char c) {
        std::size_t i;
        if (!index_of(x, y, i)) return false;
        cells_[i] = c;
        return true;
    }

    bool row(std::size_t y, std::string &out) const {
        std::size_t i;
        if (!index_of(0, y, i)) return false;
        out.assign(&cells_[i], w_);
        return true;
    }

    std::size_t width() const { return w_; }
    std::size_t height() const { return h_; }

private:
    bool index_of(std::size_t x, std::size_t y, std::size_t &i) const {
        if (x >= w_ || y >= h_) return false;
        i = y * w_ + x;
        return true;
    }

    std::size_t w_, h_;
    std::unique_ptr<char[]> cells_;
};

class LineReader {
public:
    explicit LineReader(int fd) : fd_(fd) {}
    bool next(std::string &line) {
        for (;;) {
            auto nl = buf_.find('\n');
            if (nl != std::string::npos) {
                line = buf_.substr(0, nl);
                buf_.erase(0, nl + 1);
                if (!line.empty() && line.back() == '\r') line.pop_back();
                return true;
            }
            char tmp[512];
            ssize_t n = ::read(fd_, tmp, sizeof tmp);
            if (n <= 0) return false;
            buf_.append(tmp, static_cast<std::size_t>(n));
            if (buf_.size() > 4096) return false;
        }
    }
private:
    int fd_;
    std::string buf_;
};

static void send_line(int fd, const std::string &s) {
    std::string msg = s + "\n";
    const char *p = msg.data();
    std::size_t left = msg.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n <= 0) return;
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

// Returns false when the server should stop.
static bool handle_client(int fd, Canvas &canvas) {
    LineReader reader(fd);
    std::string line;
    while (reader.next(line)) {
        std::istringstream in(line);
        std::string cmd;
        in >> cmd;
        if (cmd == "PUT") {
            std::size_t x, y;
            char c;
            if (!(in >> x >> y >> c)) { send_line(fd, "ERR syntax"); continue; }
            send_line(fd, canvas.put(x, y, c) ? "OK" : "ERR range");
        } else if (cmd == "ROW") {
            std::size_t y;
            std::string out;
            if (!(in >> y)) { send_line(fd, "ERR syntax"); continue; }
            send_line(fd, canvas.row(y, out) ? out : "ERR range");
        } else if (cmd == "SIZE") {
            send_line(fd, std::to_string(canvas.width()) + " " + std::to_string(canvas.height()));
        } else if (cmd == "QUIT") {
            return true;
        } else if (cmd == "SHUTDOWN") {
            return false;
        } else {
            send_line(fd, "ERR unknown");
        }
    }
    return true;
}

int main(int argc, char **argv) {
    int port = argc > 1 ? std::atoi(argv[1]) : 45119;
    int srv = ::socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) { perror("socket"); return 1; }
    int one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(srv, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || ::listen(srv, 4) < 0) {
        perror("bind/listen");
        ::close(srv);
        return 1;
    }
    Canvas canvas(32, 8);
    bool running = true;
    while (running) {
        int c = ::accept(srv, nullptr, nullptr);
        if (c < 0) continue;
        running = handle_client(c, canvas);
        ::close(c);
    }
    ::close(srv);
    return 0;
}
