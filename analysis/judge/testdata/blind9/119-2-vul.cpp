// Runs a small line-based slot store server on 127.0.0.1 that answers SET/GET/LIST commands from one client.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

namespace {

constexpr int kSlots = 8;
constexpr std::size_t kSlotLen = 32;

class SlotStore {
public:
    SlotStore() { std::memset(slots_, 0, sizeof(slots_)); }

    bool set(int index, const std::string &value)
    {
        if (index >= kSlots)
            return false;
        std::size_t n = value.size() < kSlotLen - 1 ? value.size() : kSlotLen - 1;
        std::memcpy(slots_[index], value.data(), n);
        slots_[index][n] = '\0';
        return true;
    }

    bool get(int index, std::string &out) const
    {
        if (index >= kSlots)
            return false;
        out.assign(slots_[index], strnlen(slots_[index], kSlotLen));
        return true;
    }

    std::string list() const
    {
        std::ostringstream os;
        for (int i = 0; i < kSlots; ++i)
            if (slots_[i][0] != '\0')
                os << i << '=' << slots_[i] << '\n';
        return os.str();
    }

private:
    char slots_[kSlots][kSlotLen];
};

bool parse_index(const std::string &tok, int &out)
{
    if (tok.empty())
        return false;
    char *end = nullptr;
    errno = 0;
    long v = std::strtol(tok.c_str(), &end, 10);
    if (errno != 0 || *end != '\0' || v < -1000000 || v > 1000000)
        return false;
    out = static_cast<int>(v);
    return true;
}

void send_text(int fd, const std::string &s)
{
    std::size_t off = 0;
    while (off < s.size()) {
        ssize_t n = send(fd, s.data() + off, s.size() - off, 0);
        if (n <= 0)
            return;
        off += static_cast<std::size_t>(n);
    }
}

std::string handle_command(SlotStore &store, const std::string &line, bool &quit)
{
    std::istringstream in(line);
    std::string cmd, idx;
    in >> cmd;
    if (cmd == "QUIT") {
        quit = true;
        return "BYE\n";
    }
    if (cmd == "LIST")
        return store.list() + "END\n";
    in >> idx;
    int index = 0;
    if (!parse_index(idx, index))
        return "ERR bad index\n";
    if (cmd == "SET") {
        std::string value;
        std::getline(in >> std::ws, value);
        return store.set(index, value) ? "OK\n" : "ERR range\n";
    }
    if (cmd == "GET") {
        std::string value;
        return store.get(index, value) ? "VAL " + value + "\n" : "ERR range\n";
    }
    return "ERR unknown command\n";
}

void serve_client(int fd, SlotStore &store)
{
    std::string pending;
    char buf[512];
    bool quit = false;
    while (!quit) {
        ssize_t n = recv(fd, buf, sizeof(buf), 0);
        if (n <= 0)
            break;
        pending.append(buf, static_cast<std::size_t>(n));
        std::size_t nl;
        while (!quit && (nl = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            send_text(fd, handle_command(store, line, quit));
        }
        if (pending.size() > 4096)
            break;
    }
}

} // namespace

int main(int argc, char **argv)
{
    int port = argc > 1 ? std::atoi(argv[1]) : 45119;
    if (port < 1024 || port > 65535) {
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
    if (bind(ls, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) < 0 || listen(ls, 1) < 0) {
        std::perror("bind/listen");
        close(ls);
        return 1;
    }
    auto store = std::make_unique<SlotStore>();
    int fd = accept(ls, nullptr, nullptr);
    if (fd >= 0) {
        serve_client(fd, *store);
        close(fd);
    }
    close(ls);
    return 0;
}
