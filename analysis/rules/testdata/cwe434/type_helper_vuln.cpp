// A report service receives "NAME\n" and the report over a socket; a
// helper decides which file types it keeps, by refusing the script types.
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <string>

static bool acceptable_type(const std::string &name) {
    std::string::size_type dot = name.rfind('.');
    if (dot == std::string::npos) {
        return false;
    }
    std::string ext = name.substr(dot);
    if (ext == ".php" || ext == ".phtml" || ext == ".cgi") {
        return false;
    }
    return true;
}

static bool keep_report(const std::string &dir, const std::string &name, const std::string &data);

int main() {
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0 || listen(srv, 4) != 0) {
        return 1;
    }
    for (;;) {
        int conn = accept(srv, nullptr, nullptr);
        if (conn < 0) {
            continue;
        }
        char buf[16384];
        ssize_t n = recv(conn, buf, sizeof buf, 0);
        if (n > 0) {
            std::string req;
            req.assign(buf, static_cast<std::size_t>(n));
            std::string::size_type nl = req.find('\n');
            if (nl != std::string::npos) {
                keep_report("/srv/www/reports", req.substr(0, nl), req.substr(nl + 1));
            }
        }
        close(conn);
    }
}

static bool keep_report(const std::string &dir, const std::string &name, const std::string &data) {
    if (name.find('/') != std::string::npos || name.find("..") != std::string::npos || !acceptable_type(name)) {
        return false;
    }
    std::ofstream out;
    out.open(dir + "/" + name, std::ios::binary); // want CWE-434
    out << data;
    return static_cast<bool>(out);
}
