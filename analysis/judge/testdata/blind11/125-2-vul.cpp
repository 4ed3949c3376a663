// Answers HTTP status-code reason-phrase lookups from clients over UDP on 127.0.0.1.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

namespace {

const char *const k1xx[] = {"Continue", "Switching Protocols", "Processing", "Early Hints"};
const char *const k2xx[] = {"OK", "Created", "Accepted", "Non-Authoritative Information",
                            "No Content", "Reset Content", "Partial Content"};
const char *const k3xx[] = {"Multiple Choices", "Moved Permanently", "Found", "See Other",
                            "Not Modified", "Use Proxy", "(Unused)", "Temporary Redirect",
                            "Permanent Redirect"};
const char *const k4xx[] = {"Bad Request", "Unauthorized", "Payment Required", "Forbidden",
                            "Not Found", "Method Not Allowed", "Not Acceptable",
                            "Proxy Authentication Required", "Request Timeout", "Conflict",
                            "Gone", "Length Required", "Precondition Failed",
                            "Content Too Large", "URI Too Long", "Unsupported Media Type",
                            "Range Not Satisfiable", "Expectation Failed"};
const char *const k5xx[] = {"Internal Server Error", "Not Implemented", "Bad Gateway",
                            "Service Unavailable", "Gateway Timeout",
                            "HTTP Version Not Supported"};

struct StatusClass {
    const char *const *names;
    std::size_t count;
};

const StatusClass kClasses[] = {
    {k1xx, sizeof k1xx / sizeof k1xx[0]}, {k2xx, sizeof k2xx / sizeof k2xx[0]},
    {k3xx, sizeof k3xx / sizeof k3xx[0]}, {k4xx, sizeof k4xx / sizeof k4xx[0]},
    {k5xx, sizeof k5xx / sizeof k5xx[0]},
};

class ReasonTable {
public:
    const char *lookup(long code) const
    {
        long cls = code / 100;
        long idx = code % 100;
        if (cls < 1 || cls > 5 || idx < 0)
            return nullptr;
        const StatusClass &c = kClasses[cls - 1];
        if (static_cast<std::size_t>(idx) > c.count)
            return nullptr;
        return c.names[idx];
    }
};

bool parse_code(const std::string &text, long &code)
{
    std::string t = text;
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' '))
        t.pop_back();
    if (t.empty())
        return false;
    char *end = nullptr;
    errno = 0;
    long v = std::strtol(t.c_str(), &end, 10);
    if (errno != 0 || *end != '\0')
        return false;
    code = v;
    return true;
}

std::string answer(const ReasonTable &table, const std::string &request, bool &stop)
{
    if (request.rfind("STOP", 0) == 0) {
        stop = true;
        return "BYE\n";
    }
    long code = 0;
    if (!parse_code(request, code))
        return "ERR malformed\n";
    const char *reason = table.lookup(code);
    if (!reason)
        return "ERR unknown " + std::to_string(code) + "\n";
    return std::to_string(code) + " " + reason + "\n";
}

} // namespace

int main(int argc, char **argv)
{
    int port = argc > 1 ? std::atoi(argv[1]) : 47125;
    if (port <= 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        perror("socket");
        return 1;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0) {
        perror("bind");
        close(fd);
        return 1;
    }
    ReasonTable table;
    bool stop = false;
    char buf[512];
    while (!stop) {
        sockaddr_in peer{};
        socklen_t plen = sizeof peer;
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&peer), &plen);
        if (n < 0)
            continue;
        std::string request(buf, static_cast<std::size_t>(n));
        std::string reply = answer(table, request, stop);
        sendto(fd, reply.data(), reply.size(), 0, reinterpret_cast<sockaddr *>(&peer), plen);
    }
    close(fd);
    return 0;
}
