// Chunk server: serves byte ranges of a file to clients on a loopback TCP port ("GET <offset> <length>").
#include <arpa/inet.h>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <netinet/in.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr int kMaxChunk = 4096;
constexpr std::streamoff kMaxFileSize = 16 * 1024 * 1024;

class BlobStore {
public:
    bool load(const std::string &path) {
        std::ifstream in(path, std::ios::binary | std::ios::ate);
        if (!in)
            return false;
        std::streamoff size = in.tellg();
        if (size < 0 || size > kMaxFileSize)
            return false;
        in.seekg(0);
        data_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        return true;
    }

    int size() const { return static_cast<int>(data_.size()); }

    bool slice(int offset, int length, std::string &out) const {
        if (offset < 0 || length <= 0 || length > kMaxChunk)
            return false;
        if (offset > size() || length > size() - offset)
            return false;
        out.assign(data_.data() + offset, static_cast<size_t>(length));
        return true;
    }

private:
    std::vector<char> data_;
};

bool sendAll(int fd, const std::string &s) {
    size_t done = 0;
    while (done < s.size()) {
        ssize_t n = send(fd, s.data() + done, s.size() - done, 0);
        if (n <= 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

bool parseInt(const std::string &tok, int &out) {
    try {
        size_t pos = 0;
        int v = std::stoi(tok, &pos, 10);
        if (pos != tok.size())
            return false;
        out = v;
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

std::string handleRequest(const BlobStore &store, const std::string &line) {
    std::istringstream in(line);
    std::string cmd, offTok, lenTok;
    in >> cmd >> offTok >> lenTok;
    if (cmd == "SIZE")
        return "OK " + std::to_string(store.size()) + "\n";
    int offset = 0, length = 0;
    if (cmd != "GET" || !parseInt(offTok, offset) || !parseInt(lenTok, length))
        return "ERR usage: GET <offset> <length> | SIZE\n";
    std::string chunk;
    if (!store.slice(offset, length, chunk))
        return "ERR range\n";
    return "OK " + std::to_string(chunk.size()) + "\n" + chunk;
}

void serveClient(int fd, const BlobStore &store) {
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
            if (!sendAll(fd, handleRequest(store, line)))
                return;
        }
        if (pending.size() > 1024)
            return;
    }
}

int listenLoopback(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(fd, 8) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

} // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " PORT FILE\n";
        return 2;
    }
    int port = 0;
    if (!parseInt(argv[1], port) || port < 1 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    BlobStore store;
    if (!store.load(argv[2])) {
        std::cerr << "cannot load " << argv[2] << '\n';
        return 1;
    }
    std::signal(SIGPIPE, SIG_IGN);
    int lfd = listenLoopback(port);
    if (lfd < 0) {
        std::perror("listen");
        return 1;
    }
    for (;;) {
        int cfd = accept(lfd, nullptr, nullptr);
        if (cfd < 0)
            continue;
        serveClient(cfd, store);
        close(cfd);
    }
}
