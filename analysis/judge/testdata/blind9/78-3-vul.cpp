// Loopback quota service: answers "USAGE <project>" with the disk usage of that project's directory.
#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

class Connection {
public:
    explicit Connection(int fd) : fd_(fd) {}
    ~Connection() { close(fd_); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool read_line(std::string &line, std::size_t limit = 512)
    {
        line.clear();
        char c;
        while (line.size() < limit) {
            ssize_t n = recv(fd_, &c, 1, 0);
            if (n <= 0)
                return !line.empty();
            if (c == '\n')
                break;
            line += c;
        }
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        return true;
    }

    void write(const std::string &s)
    {
        std::size_t off = 0;
        while (off < s.size()) {
            ssize_t n = send(fd_, s.data() + off, s.size() - off, MSG_NOSIGNAL);
            if (n <= 0)
                return;
            off += static_cast<std::size_t>(n);
        }
    }

private:
    int fd_;
};

static bool valid_project(const std::string &name)
{
    return !name.empty() && name.size() <= 64 && name[0] != '.' && name[0] != '-' &&
           name.find('/') == std::string::npos;
}

class QuotaService {
public:
    explicit QuotaService(std::string root) : root_(std::move(root)) {}

    std::string usage(const std::string &project) const
    {
        std::string cmd = "du -sk " + root_ + "/" + project + " 2>/dev/null";
        FILE *p = popen(cmd.c_str(), "r");
        if (!p)
            return "";
        std::string out;
        char buf[256];
        while (std::fgets(buf, sizeof buf, p))
            out += buf;
        int rc = pclose(p);
        if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0)
            return "";
        return out.substr(0, out.find_first_of("\t "));
    }

    void handle(Connection &conn) const
    {
        std::string line;
        if (!conn.read_line(line))
            return;
        if (line.compare(0, 6, "USAGE ") != 0) {
            conn.write("ERR unknown command\n");
            return;
        }
        std::string project = line.substr(6);
        if (!valid_project(project)) {
            conn.write("ERR bad project name\n");
            return;
        }
        std::string kb = usage(project);
        if (kb.empty())
            conn.write("ERR no such project\n");
        else
            conn.write("OK " + kb + " KiB\n");
    }

private:
    std::string root_;
};

static int listen_on(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<unsigned short>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || listen(fd, 16) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " PROJECTS_DIR PORT\n";
        return 2;
    }
    char *end = nullptr;
    long port = std::strtol(argv[2], &end, 10);
    if (*end != '\0' || port <= 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int lfd = listen_on(static_cast<int>(port));
    if (lfd < 0) {
        std::perror("listen");
        return 1;
    }
    std::signal(SIGPIPE, SIG_IGN);
    QuotaService service(argv[1]);
    for (;;) {
        int cfd = accept(lfd, nullptr, nullptr);
        if (cfd < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        Connection conn(cfd);
        service.handle(conn);
    }
    close(lfd);
    return 0;
}
