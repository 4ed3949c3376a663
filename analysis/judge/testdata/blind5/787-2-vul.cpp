// Line-based calculator server on 127.0.0.1: answers SUM, MAX and ECHO commands for one client.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

class LineConnection {
public:
    explicit LineConnection(int fd) : fd_(fd), buf_(512), used_(0) {}
    ~LineConnection() { ::close(fd_); }
    LineConnection(const LineConnection &) = delete;
    LineConnection &operator=(const LineConnection &) = delete;

    bool read_line(std::string &line)
    {
        for (;;) {
            auto begin = buf_.begin();
            auto end = begin + static_cast<std::ptrdiff_t>(used_);
            auto nl = std::find(begin, end, '\n');
            if (nl != end) {
                line.assign(begin, nl);
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                std::size_t consumed = static_cast<std::size_t>(nl - begin) + 1;
                std::memmove(buf_.data(), buf_.data() + consumed, used_ - consumed);
                used_ -= consumed;
                return true;
            }
            if (used_ == buf_.size())
                return false;
            ssize_t n = ::recv(fd_, buf_.data() + used_, buf_.size(), 0);
            if (n <= 0)
                return false;
            used_ += static_cast<std::size_t>(n);
        }
    }

    bool send_line(const std::string &text)
    {
        std::string out = text + "\n";
        const char *p = out.data();
        std::size_t left = out.size();
        while (left > 0) {
            ssize_t n = ::send(fd_, p, left, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        return true;
    }

private:
    int fd_;
    std::vector<char> buf_;
    std::size_t used_;
};

static std::string handle_command(const std::string &line, bool &quit)
{
    std::istringstream in(line);
    std::string cmd;
    in >> cmd;
    if (cmd == "QUIT") {
        quit = true;
        return "BYE";
    }
    if (cmd == "ECHO") {
        std::string rest;
        std::getline(in >> std::ws, rest);
        return rest;
    }
    if (cmd == "SUM" || cmd == "MAX") {
        std::vector<long long> nums;
        long long v;
        while (in >> v)
            nums.push_back(v);
        if (nums.empty() || !in.eof())
            return "ERR bad numbers";
        if (cmd == "MAX")
            return std::to_string(*std::max_element(nums.begin(), nums.end()));
        long double total = 0;
        for (long long x : nums)
            total += x;
        std::ostringstream os;
        os.precision(20);
        os << total;
        return os.str();
    }
    return "ERR unknown command";
}

static int listen_on(unsigned short port)
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0 || ::listen(fd, 4) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    unsigned long port = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 45123;
    if (port < 1024 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int lfd = listen_on(static_cast<unsigned short>(port));
    if (lfd < 0) {
        std::perror("listen");
        return 1;
    }
    int cfd = ::accept(lfd, nullptr, nullptr);
    ::close(lfd);
    if (cfd < 0) {
        std::perror("accept");
        return 1;
    }
    LineConnection conn(cfd);
    std::string line;
    bool quit = false;
    while (!quit && conn.read_line(line)) {
        if (!conn.send_line(handle_command(line, quit)))
            break;
    }
    if (!quit)
        conn.send_line("ERR line too long or connection closed");
    return 0;
}
