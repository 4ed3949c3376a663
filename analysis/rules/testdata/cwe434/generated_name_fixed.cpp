// An upload service keeps each upload in its spool directory under the
// a name it makes itself (a counter), whatever the client sent.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <string>

class Spool {
public:
    explicit Spool(std::string dir) : dir_(std::move(dir)) {}
    std::string accept_upload(int conn);

private:
    std::string dir_;
    unsigned long next_ = 1;
};

std::string Spool::accept_upload(int conn) {
    char buf[8192];
    ssize_t n = recv(conn, buf, sizeof buf, 0);
    if (n <= 0) {
        return "";
    }
    std::string req;
    req.assign(buf, static_cast<size_t>(n));
    std::string::size_type nl = req.find('\n');
    if (nl == std::string::npos) {
        return "";
    }
    std::string client_name = req.substr(0, nl);
    if (client_name.find('/') != std::string::npos || client_name.find("..") != std::string::npos) {
        return "";
    }
    std::string stored = "upload-" + std::to_string(next_) + ".bin";
    std::ofstream out(dir_ + "/" + stored, std::ios::binary);
    out << req.substr(nl + 1);
    next_++;
    return stored;
}

int main() {
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0 || listen(srv, 8) != 0) {
        return 1;
    }
    Spool spool("/srv/spool");
    for (;;) {
        int conn = accept(srv, nullptr, nullptr);
        if (conn >= 0) {
            spool.accept_upload(conn);
            close(conn);
        }
    }
}
