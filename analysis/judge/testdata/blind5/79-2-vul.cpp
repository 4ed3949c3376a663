// CGI program that renders a comment preview page from a form posted on stdin.
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::size_t kMaxBody = 64 * 1024;

struct Comment {
    std::string author;
    std::string email;
    std::string text;
};

int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string form_decode(const std::string &in)
{
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() && hex_digit(in[i + 1]) >= 0 && hex_digit(in[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(in[i + 1]) * 16 + hex_digit(in[i + 2]));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

std::map<std::string, std::string> parse_form(const std::string &body)
{
    std::map<std::string, std::string> fields;
    std::istringstream ss(body);
    std::string pair;
    while (std::getline(ss, pair, '&')) {
        auto eq = pair.find('=');
        if (eq == std::string::npos)
            continue;
        fields[form_decode(pair.substr(0, eq))] = form_decode(pair.substr(eq + 1));
    }
    return fields;
}

std::string html_text(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        default: out += c; break;
        }
    }
    return out;
}

bool read_body(std::string &body)
{
    const char *len_env = std::getenv("CONTENT_LENGTH");
    if (!len_env)
        return false;
    char *end = nullptr;
    unsigned long len = std::strtoul(len_env, &end, 10);
    if (end == len_env || *end != '\0' || len > kMaxBody)
        return false;
    body.assign(len, '\0');
    std::cin.read(&body[0], static_cast<std::streamsize>(len));
    body.resize(static_cast<std::size_t>(std::cin.gcount()));
    return true;
}

Comment load_comment(const std::map<std::string, std::string> &form)
{
    Comment c;
    auto get = [&form](const char *key) {
        auto it = form.find(key);
        return it == form.end() ? std::string() : it->second;
    };
    c.author = get("author");
    c.email = get("email");
    c.text = get("text");
    return c;
}

void render_field(std::ostream &out, const char *label, const char *name, const std::string &value)
{
    out << "<label>" << label << " <input type=\"text\" name=\"" << name
        << "\" value=\"" << html_text(value) << "\"></label><br>\n";
}

void render_page(std::ostream &out, const Comment &c)
{
    out << "Content-Type: text/html; charset=utf-8\r\n\r\n";
    out << "<!DOCTYPE html>\n<html><head><title>Preview</title></head><body>\n";
    out << "<h2>Preview</h2>\n<div class=\"comment\"><b>" << html_text(c.author)
        << "</b> wrote:<p>" << html_text(c.text) << "</p></div>\n";
    out << "<form method=\"post\" action=\"/cgi-bin/comment\">\n";
    render_field(out, "Name", "author", c.author);
    render_field(out, "E-mail", "email", c.email);
    out << "<textarea name=\"text\">" << html_text(c.text) << "</textarea>\n";
    out << "<button type=\"submit\">Post</button></form>\n</body></html>\n";
}

} // namespace

int main()
{
    std::string body;
    if (!read_body(body)) {
        std::cout << "Status: 400 Bad Request\r\nContent-Type: text/plain\r\n\r\nbad request\n";
        return 0;
    }
    render_page(std::cout, load_comment(parse_form(body)));
    return 0;
}
