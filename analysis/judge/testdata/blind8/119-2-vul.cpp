// Serves a small byte register bank over a loopback TCP port with SET, GET, CLEAR and QUIT commands.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

class RegisterBank {
public:
    explicit RegisterBank(size_t n) : cells_(n, 0) {}

    bool write(size_t off, const std::string &bytes)
    {
        if (off >= cells_.size())
            return false;
        std::memcpy(cells_.data() + off, bytes.data(), bytes.size());
        return true;
    }

    bool read(size_t off, size_t len, std::string &out) const
    {
        if (off > cells_.size() || len > cells_.size() - off)
            return false;
        out.assign(reinterpret_cast<const char *>(cells_.data()) + off, len);
        return true;
    }

    void clear() { std::fill(cells_.begin(), cells_.end(), 0); }
    size_t size() const { return cells_.size(); }

private:
    std::vector<unsigned char> cells_;
};

bool parse_size(const std::string &s, size_t &out)
{
    if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; }))
        return false;
    out = std::strtoul(s.c_str(), nullptr, 10);
    return true;
}

std::string to_hex(const std::string &bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 0xf];
    }
    return out;
}

bool send_all(int fd, const std::string &s)
{
    size_t done = 0;
    while (done < s.size()) {
        ssize_t n = send(fd, s.data() + done, s.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

class Session {
public:
    Session(int fd, RegisterBank &bank) : fd_(fd), bank_(bank) {}

    void run()
    {
        std::string pending;
        char chunk[512];
        for (;;) {
            size_t nl;
            while ((nl = pending.find('\n')) != std::string::npos) {
                std::string line = pending.substr(0, nl);
                pending.erase(0, nl + 1);
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                if (!handle(line))
                    return;
            }
            if (pending.size() > 4096)
                return;
            ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return;
            pending.append(chunk, static_cast<size_t>(n));
        }
    }

private:
    bool handle(const std::string &line)
    {
        std::istringstream in(line);
        std::string cmd;
        in >> cmd;
        if (cmd == "SET") {
            std::string off_s, data;
            in >> off_s;
            std::getline(in >> std::ws, data);
            size_t off;
            if (!parse_size(off_s, off) || data.empty())
                return send_all(fd_, "ERR usage: SET <offset> <text>\n");
            if (!bank_.write(off, data))
                return send_all(fd_, "ERR range\n");
            return send_all(fd_, "OK\n");
        }
        if (cmd == "GET") {
            std::string off_s, len_s, out;
            in >> off_s >> len_s;
            size_t off, len;
            if (!parse_size(off_s, off) || !parse_size(len_s, len))
                return send_all(fd_, "ERR usage: GET <offset> <length>\n");
            if (!bank_.read(off, len, out))
                return send_all(fd_, "ERR range\n");
            return send_all(fd_, "VAL " + to_hex(out) + "\n");
        }
        if (cmd == "CLEAR") {
            bank_.clear();
            return send_all(fd_, "OK\n");
        }
        if (cmd == "QUIT") {
            send_all(fd_, "BYE\n");
            return false;
        }
        return send_all(fd_, "ERR unknown command\n");
    }

    int fd_;
    RegisterBank &bank_;
};

int listen_loopback(unsigned short port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(fd, 8) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

} // namespace

int main(int argc, char **argv)
{
    unsigned long port = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 45119;
    if (port == 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int lfd = listen_loopback(static_cast<unsigned short>(port));
    if (lfd < 0) {
        std::perror("listen");
        return 1;
    }
    RegisterBank bank(64);
    std::cout << "listening on 127.0.0.1:" << port << " (" << bank.size() << " registers)" << std::endl;
    for (;;) {
        int cfd = accept(lfd, nullptr, nullptr);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        Session(cfd, bank).run();
        close(cfd);
    }
    close(lfd);
    return 0;
}
