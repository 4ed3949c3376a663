// CGI guestbook handler: reads a POSTed form from stdin and renders a preview of the new entry.
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::size_t kMaxBody = 64 * 1024;

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
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() && hex_digit(in[i + 1]) >= 0 &&
                   hex_digit(in[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(in[i + 1]) * 16 + hex_digit(in[i + 2]));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

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

std::map<std::string, std::string> split_form(const std::string &body)
{
    std::map<std::string, std::string> fields;
    std::istringstream ss(body);
    std::string pair;
    while (std::getline(ss, pair, '&')) {
        auto eq = pair.find('=');
        if (eq == std::string::npos)
            continue;
        fields[url_decode(pair.substr(0, eq))] = pair.substr(eq + 1);
    }
    return fields;
}

std::string raw_field(const std::map<std::string, std::string> &f, const std::string &key)
{
    auto it = f.find(key);
    return it == f.end() ? std::string() : it->second;
}

struct Entry {
    std::string author;
    std::string message_html;
};

std::string message_to_html(const std::string &raw)
{
    std::string text = url_decode(escape_html(raw));
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += "<br>\n";
        else if (c != '\r')
            out += c;
    }
    return out;
}

Entry build_entry(const std::map<std::string, std::string> &fields)
{
    Entry e;
    e.author = escape_html(url_decode(raw_field(fields, "name")));
    if (e.author.empty())
        e.author = "Anonymous";
    e.message_html = message_to_html(raw_field(fields, "message"));
    return e;
}

bool read_body(std::string &body)
{
    const char *len = std::getenv("CONTENT_LENGTH");
    if (len == nullptr)
        return false;
    char *end = nullptr;
    unsigned long n = std::strtoul(len, &end, 10);
    if (end == len || *end != '\0' || n > kMaxBody)
        return false;
    std::vector<char> buf(n);
    std::cin.read(buf.data(), static_cast<std::streamsize>(n));
    body.assign(buf.data(), static_cast<std::size_t>(std::cin.gcount()));
    return true;
}

} // namespace

int main()
{
    std::string body;
    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n";
    if (!read_body(body)) {
        std::cout << "<html><body><p>Bad request.</p></body></html>\n";
        return 0;
    }
    Entry e = build_entry(split_form(body));
    std::cout << "<!DOCTYPE html>\n<html><head><title>Guestbook preview</title></head><body>\n"
              << "<div class=\"entry\">\n"
              << "  <h3>" << e.author << " wrote:</h3>\n"
              << "  <p>" << e.message_html << "</p>\n"
              << "</div>\n"
              << "<a href=\"/guestbook\">Back</a>\n"
              << "</body></html>\n";
    return 0;
}
