// CGI program that accepts a guestbook entry by POST and renders a preview page.
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

const std::size_t kMaxBody = 64 * 1024;

std::string html_escape(const std::string &in)
{
    std::string out;
    out.reserve(in.size());
    for (char c : in) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c; break;
        }
    }
    return out;
}

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

class GuestbookForm {
public:
    explicit GuestbookForm(const std::string &body)
    {
        std::istringstream ss(body);
        std::string pair;
        while (std::getline(ss, pair, '&')) {
            auto eq = pair.find('=');
            if (eq == std::string::npos)
                continue;
            fields_[url_decode(pair.substr(0, eq))] = display_value(pair.substr(eq + 1));
        }
    }

    std::string get(const std::string &key, const std::string &def = "") const
    {
        auto it = fields_.find(key);
        return it == fields_.end() ? def : it->second;
    }

private:
    static std::string display_value(const std::string &raw)
    {
        return html_escape(url_decode(raw));
    }

    std::map<std::string, std::string> fields_;
};

bool read_body(std::string &body)
{
    const char *len_str = std::getenv("CONTENT_LENGTH");
    if (len_str == nullptr)
        return false;
    char *end = nullptr;
    unsigned long len = std::strtoul(len_str, &end, 10);
    if (end == len_str || *end != '\0' || len > kMaxBody)
        return false;
    body.resize(len);
    std::cin.read(&body[0], static_cast<std::streamsize>(len));
    body.resize(static_cast<std::size_t>(std::cin.gcount()));
    return true;
}

void render_preview(const GuestbookForm &form)
{
    std::cout << "<div class=\"entry\">\n"
              << "  <h2>" << form.get("name", "Anonymous") << " wrote:</h2>\n"
              << "  <p>" << form.get("message") << "</p>\n"
              << "</div>\n";
}

} // namespace

int main()
{
    std::string body;
    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n";
    if (!read_body(body)) {
        std::cout << "<p>Invalid request.</p>\n";
        return 0;
    }
    GuestbookForm form(body);
    std::cout << "<!DOCTYPE html>\n<html><head><title>Preview</title></head><body>\n"
              << "<h1>Preview your entry</h1>\n";
    render_preview(form);
    std::cout << "<form method=\"post\"><button name=\"confirm\" value=\"1\">Post it</button></form>\n"
              << "</body></html>\n";
    return 0;
}
