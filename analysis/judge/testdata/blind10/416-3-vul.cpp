/* Reads an HTTP request head from stdin in chunks and prints its method, path and headers. */
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

struct Header {
    std::string_view name;
    std::string_view value;
};

class RequestParser {
public:
    bool feed(const char *data, size_t len)
    {
        buf_.append(data, len);
        size_t eol;
        while (!done_ && (eol = buf_.find("\r\n", pos_)) != std::string::npos) {
            std::string_view line(buf_.data() + pos_, eol - pos_);
            pos_ = eol + 2;
            if (!take_line(line))
                return false;
        }
        return true;
    }

    bool done() const { return done_; }
    std::string method() const { return method_; }
    std::string path() const { return path_; }
    const std::vector<Header> &headers() const { return headers_; }

private:
    static std::string_view trim(std::string_view s)
    {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
            s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        return s;
    }

    bool take_line(std::string_view line)
    {
        if (!have_request_line_) {
            size_t sp1 = line.find(' ');
            size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
            if (sp2 == std::string_view::npos)
                return false;
            method_ = std::string(line.substr(0, sp1));
            path_ = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
            have_request_line_ = true;
            return true;
        }
        if (line.empty()) {
            done_ = true;
            return true;
        }
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            return false;
        if (headers_.size() >= 64)
            return false;
        headers_.push_back(Header{trim(line.substr(0, colon)), trim(line.substr(colon + 1))});
        return true;
    }

    std::string buf_;
    size_t pos_ = 0;
    bool have_request_line_ = false;
    bool done_ = false;
    std::string method_, path_;
    std::vector<Header> headers_;
};

int main()
{
    RequestParser parser;
    char chunk[64];
    size_t total = 0;
    size_t n;
    while (!parser.done() && (n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
        total += n;
        if (total > 16384 || !parser.feed(chunk, n)) {
            std::cout << "400 Bad Request\n";
            return 1;
        }
    }
    if (!parser.done()) {
        std::cout << "400 Incomplete\n";
        return 1;
    }
    std::cout << "method: " << parser.method() << "\n";
    std::cout << "path: " << parser.path() << "\n";
    for (const auto &h : parser.headers())
        std::cout << "header [" << h.name << "] = [" << h.value << "]\n";
    return 0;
}
