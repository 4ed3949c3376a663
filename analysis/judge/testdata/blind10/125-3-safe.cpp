// Receives syslog datagrams on a loopback UDP port and prints them with facility and severity names.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

static const char *const kFacilities[24] = {
    "kern",  "user",   "mail",   "daemon", "auth",   "syslog", "lpr",    "news",
    "uucp",  "cron",   "authpriv", "ftp",  "ntp",    "audit",  "alert",  "clock",
    "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
};

static const char *const kSeverities[8] = {
    "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
};

struct Message {
    int facility;
    int severity;
    std::string text;
};

static bool parse_priority(const std::string &dgram, Message &msg)
{
    if (dgram.size() < 3 || dgram[0] != '<')
        return false;
    std::size_t i = 1;
    int pri = 0;
    while (i < dgram.size() && i <= 3 && dgram[i] >= '0' && dgram[i] <= '9') {
        pri = pri * 10 + (dgram[i] - '0');
        ++i;
    }
    if (i == 1 || i >= dgram.size() || dgram[i] != '>')
        return false;
    if (pri > 191)
        return false;
    msg.facility = pri / 8;
    msg.severity = pri % 8;
    msg.text = dgram.substr(i + 1);
    return true;
}

static const char *facility_name(int facility)
{
    return kFacilities[facility];
}

static void print_message(const Message &msg)
{
    std::string text = msg.text;
    for (char &c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    std::cout << facility_name(msg.facility) << '.' << kSeverities[msg.severity]
              << ": " << text << std::endl;
}

class UdpListener {
public:
    explicit UdpListener(unsigned short port) : fd_(socket(AF_INET, SOCK_DGRAM, 0))
    {
        if (fd_ < 0)
            return;
        sockaddr_in sa;
        std::memset(&sa, 0, sizeof sa);
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (bind(fd_, reinterpret_cast<sockaddr *>(&sa), sizeof sa) < 0) {
            close(fd_);
            fd_ = -1;
        }
    }
    ~UdpListener()
    {
        if (fd_ >= 0)
            close(fd_);
    }
    UdpListener(const UdpListener &) = delete;
    UdpListener &operator=(const UdpListener &) = delete;

    bool ok() const { return fd_ >= 0; }

    bool receive(std::string &out)
    {
        char buf[2048];
        ssize_t n = recv(fd_, buf, sizeof buf, 0);
        if (n < 0)
            return false;
        out.assign(buf, static_cast<std::size_t>(n));
        return true;
    }

private:
    int fd_;
};

int main(int argc, char **argv)
{
    long port = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 45514;
    long limit = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 0;
    if (port < 1024 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    UdpListener listener(static_cast<unsigned short>(port));
    if (!listener.ok()) {
        std::cerr << "cannot bind 127.0.0.1:" << port << '\n';
        return 1;
    }
    std::string dgram;
    for (long seen = 0; limit <= 0 || seen < limit; ++seen) {
        if (!listener.receive(dgram))
            break;
        Message msg;
        if (parse_priority(dgram, msg))
            print_message(msg);
        else
            std::cerr << "dropping malformed datagram\n";
    }
    return 0;
}
