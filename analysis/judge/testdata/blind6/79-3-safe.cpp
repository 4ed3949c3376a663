// Minimal HTTP server on 127.0.0.1 that serves a few built-in pages and a not-found page.
#include <arpa/inet.h>
#include <cctype>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <netinet/in.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace {

struct Request {
    std::string method;
    std::string path;
    std::map<std::string, std::string> headers;
};

const std::map<std::string, std::string> kPages = {
    {"/", "<h1>Welcome</h1><p>See <a href=\"/about\">about</a>.</p>"},
    {"/about", "<h1>About</h1><p>A tiny status server.</p>"},
};

std::string escape_html(const std::string &in)
{
    std::string out;
    for (char c : in) {
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

std::string lower(std::string s)
{
    for (char &c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool read_request(int fd, std::string &raw)
{
    char buf[1024];
    while (raw.find("\r\n\r\n") == std::string::npos) {
        if (raw.size() > 16384)
            return false;
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return false;
        raw.append(buf, static_cast<std::size_t>(n));
    }
    return true;
}

bool parse_request(const std::string &raw, Request &req)
{
    std::istringstream in(raw);
    std::string line, version;
    if (!std::getline(in, line))
        return false;
    std::istringstream first(line);
    if (!(first >> req.method >> req.path >> version))
        return false;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            break;
        std::size_t colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        std::string value = line.substr(colon + 1);
        std::size_t start = value.find_first_not_of(" \t");
        req.headers[lower(line.substr(0, colon))] =
            start == std::string::npos ? std::string() : value.substr(start);
    }
    return true;
}

std::string back_link(const Request &req)
{
    auto it = req.headers.find("referer");
    if (it == req.headers.end() || it->second.empty())
        return "/";
    const std::string &ref = it->second;
    std::string scheme = lower(ref.substr(0, 8));
    bool allowed = scheme.compare(0, 7, "http://") == 0 || scheme == "https://" ||
                   (ref[0] == '/' && (ref.size() == 1 || ref[1] != '/'));
    if (!allowed)
        return "/";
    return escape_html(ref);
}

std::string not_found_page(const Request &req)
{
    return "<h1>Not found</h1><p>No page at <code>" + escape_html(req.path) +
           "</code>.</p><p><a href=\"" + back_link(req) + "\">Go back</a></p>";
}

void send_all(int fd, const std::string &data)
{
    std::size_t off = 0;
    while (off < data.size()) {
        ssize_t n = send(fd, data.data() + off, data.size() - off, 0);
        if (n <= 0)
            return;
        off += static_cast<std::size_t>(n);
    }
}

void handle(int fd)
{
    std::string raw;
    Request req;
    if (!read_request(fd, raw) || !parse_request(raw, req)) {
        send_all(fd, "HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        return;
    }
    std::string status = "200 OK";
    std::string body;
    auto page = kPages.find(req.path);
    if (page != kPages.end()) {
        body = page->second;
    } else {
        status = "404 Not Found";
        body = not_found_page(req);
    }
    std::string html = "<!DOCTYPE html><html><body>" + body + "</body></html>\n";
    send_all(fd, "HTTP/1.0 " + status + "\r\nContent-Type: text/html; charset=utf-8\r\n"
                 "Content-Length: " + std::to_string(html.size()) + "\r\n\r\n" + html);
}

} // namespace

int main(int argc, char **argv)
{
    long port = 48080;
    char *end = nullptr;
    if (argc > 1)
        port = std::strtol(argv[1], &end, 10);
    if (port < 1 || port > 65535 || (end != nullptr && *end != '\0')) {
        std::cerr << "usage: " << argv[0] << " [port]\n";
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    if (srv < 0) {
        std::perror("socket");
        return 1;
    }
    int one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(srv, 8) < 0) {
        std::perror("bind/listen");
        close(srv);
        return 1;
    }
    for (;;) {
        int cli = accept(srv, nullptr, nullptr);
        if (cli < 0)
            continue;
        handle(cli);
        close(cli);
    }
}
