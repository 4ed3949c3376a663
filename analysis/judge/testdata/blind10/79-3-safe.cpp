// Minimal loopback HTTP server that serves a few built-in help pages and a not-found page.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

const std::map<std::string, std::string> kPages = {
    {"/", "<h1>Help desk</h1><p>See <a href=\"/faq\">FAQ</a> or <a href=\"/contact\">contact</a>.</p>"},
    {"/faq", "<h1>FAQ</h1><p>Restart the device and try again.</p>"},
    {"/contact", "<h1>Contact</h1><p>Phone extension 4410.</p>"},
};

struct Request {
    std::string method;
    std::string target;
    std::string version;
};

int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string url_decode(const std::string &in)
{
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '%' && i + 2 < in.size() && hex_digit(in[i + 1]) >= 0 &&
            hex_digit(in[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(in[i + 1]) * 16 + hex_digit(in[i + 2]));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

std::string escape_html(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c; break;
        }
    }
    return out;
}

bool parse_request_line(const std::string &raw, Request &req)
{
    std::size_t eol = raw.find("\r\n");
    if (eol == std::string::npos) eol = raw.find('\n');
    std::istringstream line(raw.substr(0, eol));
    return static_cast<bool>(line >> req.method >> req.target >> req.version);
}

std::string not_found_page(const Request &req)
{
    std::string shown = escape_html(url_decode(req.target));
    return "<h1>Not found</h1><p>The page <code>" + shown +
           "</code> does not exist.</p><p><a href=\"/\">Back to the help desk</a></p>";
}

std::string build_response(const Request &req)
{
    int status = 200;
    std::string body;
    std::string path = req.target.substr(0, req.target.find('?'));
    auto it = kPages.find(path);
    if (req.method != "GET") {
        status = 405;
        body = "<h1>Method not allowed</h1>";
    } else if (it != kPages.end()) {
        body = it->second;
    } else {
        status = 404;
        body = not_found_page(req);
    }
    std::string html = "<!DOCTYPE html><html><body>" + body + "</body></html>\n";
    std::ostringstream os;
    os << "HTTP/1.0 " << status << (status == 200 ? " OK" : " Error") << "\r\n"
       << "Content-Type: text/html; charset=utf-8\r\n"
       << "Content-Length: " << html.size() << "\r\n"
       << "Connection: close\r\n\r\n"
       << html;
    return os.str();
}

void serve_client(int fd)
{
    char buf[4096];
    std::string raw;
    while (raw.find("\r\n\r\n") == std::string::npos && raw.size() < 16384) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) break;
        raw.append(buf, static_cast<std::size_t>(n));
    }
    Request req;
    std::string resp;
    if (parse_request_line(raw, req))
        resp = build_response(req);
    else
        resp = "HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
    std::size_t off = 0;
    while (off < resp.size()) {
        ssize_t n = write(fd, resp.data() + off, resp.size() - off);
        if (n <= 0) break;
        off += static_cast<std::size_t>(n);
    }
}

} // namespace

int main(int argc, char **argv)
{
    int port = argc > 1 ? std::atoi(argv[1]) : 8080;
    int count = argc > 2 ? std::atoi(argv[2]) : 1;
    if (port <= 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 1;
    }
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) { perror("socket"); return 1; }
    int one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(srv, 8) < 0) {
        perror("bind/listen");
        close(srv);
        return 1;
    }
    for (int i = 0; i < count; ++i) {
        int fd = accept(srv, nullptr, nullptr);
        if (fd < 0) continue;
        serve_client(fd);
        close(fd);
    }
    close(srv);
    return 0;
}
