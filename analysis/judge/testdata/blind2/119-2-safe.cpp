// Loopback TCP server that reassembles newline-terminated messages from one client and echoes them.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

class FrameBuffer {
public:
    // Appends received bytes; returns false when they cannot be buffered.
    bool append(const uint8_t *data, size_t len) {
        if (len > sizeof(buf_) - used_)
            return false;
        std::memcpy(buf_ + used_, data, len);
        used_ += len;
        return true;
    }

    // Emits every complete line and keeps the unfinished tail.
    int drain(std::ostream &out) {
        int lines = 0;
        uint8_t *nl;
        while ((nl = static_cast<uint8_t *>(std::memchr(buf_, '\n', used_))) != nullptr) {
            size_t n = static_cast<size_t>(nl - buf_) + 1;
            out << "msg: " << std::string(reinterpret_cast<char *>(buf_), n - 1) << "\n";
            std::memmove(buf_, buf_ + n, used_ - n);
            used_ -= n;
            ++lines;
        }
        return lines;
    }

private:
    size_t used_ = 0;
    uint8_t buf_[256];
};

static int listen_loopback(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(fd, 1) < 0)
        return -1;
    return fd;
}

int main(int argc, char **argv) {
    int lfd = listen_loopback(argc > 1 ? std::atoi(argv[1]) : 7070);
    if (lfd < 0) {
        std::perror("listen");
        return 1;
    }
    int cfd = accept(lfd, nullptr, nullptr);
    FrameBuffer frames;
    uint8_t chunk[200];
    ssize_t n;
    int total = 0;

    while (cfd >= 0 && (n = recv(cfd, chunk, sizeof chunk, 0)) > 0) {
        if (!frames.append(chunk, static_cast<size_t>(n))) {
            std::cerr << "message too long, dropping client\n";
            break;
        }
        total += frames.drain(std::cout);
    }
    std::cout << total << " messages\n";
    close(cfd);
    close(lfd);
    return 0;
}
