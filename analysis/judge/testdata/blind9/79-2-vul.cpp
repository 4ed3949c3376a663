// CGI contact form: reads a urlencoded POST body from stdin and shows a preview page with the form pre-filled.
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

namespace {

const size_t kMaxBody = 64 * 1024;

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string url_decode(const std::string &in)
{
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 &&
                   hex_value(in[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

std::map<std::string, std::string> parse_form(const std::string &body)
{
    std::map<std::string, std::string> form;
    size_t pos = 0;
    while (pos <= body.size()) {
        size_t amp = body.find('&', pos);
        if (amp == std::string::npos)
            amp = body.size();
        std::string pair = body.substr(pos, amp - pos);
        size_t eq = pair.find('=');
        if (eq != std::string::npos)
            form[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
        pos = amp + 1;
    }
    return form;
}

bool read_body(std::string &body)
{
    const char *len_env = std::getenv("CONTENT_LENGTH");
    if (len_env == nullptr || *len_env == '\0')
        return false;
    char *end = nullptr;
    unsigned long len = std::strtoul(len_env, &end, 10);
    if (*end != '\0' || len > kMaxBody)
        return false;
    body.resize(len);
    std::cin.read(&body[0], static_cast<std::streamsize>(len));
    body.resize(static_cast<size_t>(std::cin.gcount()));
    return true;
}

std::string html_escape(const std::string &in)
{
    std::string out;
    for (char c : in) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

std::string field(const std::map<std::string, std::string> &form, const std::string &key)
{
    auto it = form.find(key);
    return it == form.end() ? std::string() : it->second;
}

void text_input(const char *label, const char *name, const std::string &value)
{
    std::cout << "<label>" << label << " <input type=\"text\" name=\"" << name
              << "\" value=\"" << html_escape(value) << "\"></label><br>\n";
}

} // namespace

int main()
{
    std::string body;
    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n";
    if (!read_body(body)) {
        std::cout << "<p>Nothing submitted.</p>\n";
        return 0;
    }
    auto form = parse_form(body);
    std::cout << "<!DOCTYPE html>\n<html><body>\n<h1>Preview your message</h1>\n";
    std::cout << "<form method=\"post\" action=\"/cgi-bin/contact\">\n";
    text_input("Name", "name", field(form, "name"));
    text_input("Email", "email", field(form, "email"));
    std::cout << "<textarea name=\"message\">" << html_escape(field(form, "message"))
              << "</textarea><br>\n";
    std::cout << "<input type=\"submit\" name=\"send\" value=\"Send\">\n</form>\n</body></html>\n";
    return 0;
}
