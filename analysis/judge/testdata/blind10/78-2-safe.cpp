// CGI form handler that looks up a host name submitted by POST and shows the resolved addresses.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

namespace {

const std::size_t kMaxBody = 8192;

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
    for (std::size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < in.size() && hex_digit(in[i + 1]) >= 0 && hex_digit(in[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(in[i + 1]) * 16 + hex_digit(in[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::map<std::string, std::string> parse_form(const std::string &body)
{
    std::map<std::string, std::string> fields;
    std::size_t pos = 0;
    while (pos <= body.size()) {
        std::size_t amp = body.find('&', pos);
        if (amp == std::string::npos) amp = body.size();
        std::string pair = body.substr(pos, amp - pos);
        std::size_t eq = pair.find('=');
        if (eq != std::string::npos)
            fields[form_decode(pair.substr(0, eq))] = form_decode(pair.substr(eq + 1));
        pos = amp + 1;
    }
    return fields;
}

bool read_body(std::string &body)
{
    const char *len_env = std::getenv("CONTENT_LENGTH");
    if (!len_env || !*len_env) return false;
    char *end = nullptr;
    unsigned long len = std::strtoul(len_env, &end, 10);
    if (*end != '\0' || len > kMaxBody) return false;
    body.assign(len, '\0');
    std::cin.read(&body[0], static_cast<std::streamsize>(len));
    body.resize(static_cast<std::size_t>(std::cin.gcount()));
    return true;
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
        default: out += c;
        }
    }
    return out;
}

bool valid_hostname(const std::string &host)
{
    if (host.empty() || host.size() > 253 || host[0] == '-')
        return false;
    for (char c : host) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-')
            return false;
    }
    return true;
}

class Resolver {
public:
    explicit Resolver(std::string host) : host_(std::move(host)) {}

    bool run(std::string &output) const
    {
        std::string cmd = "getent hosts " + host_ + " 2>&1";
        FILE *p = popen(cmd.c_str(), "r");
        if (!p) return false;
        char buf[512];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof(buf), p)) > 0)
            output.append(buf, n);
        int status = pclose(p);
        return status == 0;
    }

private:
    std::string host_;
};

void page(const std::string &title, const std::string &body_html)
{
    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n"
              << "<!DOCTYPE html>\n<html><head><title>" << escape_html(title) << "</title></head>\n"
              << "<body>\n" << body_html << "</body></html>\n";
}

} // namespace

int main()
{
    std::string body;
    if (!read_body(body)) {
        page("Lookup", "<p>Missing or oversized request body.</p>\n");
        return 0;
    }
    auto form = parse_form(body);
    auto it = form.find("host");
    if (it == form.end() || !valid_hostname(it->second)) {
        page("Lookup", "<p>Please enter a valid host name.</p>\n");
        return 0;
    }
    std::string result;
    Resolver r(it->second);
    bool ok = r.run(result);
    std::string html = "<h1>" + escape_html(it->second) + "</h1>\n";
    if (ok)
        html += "<pre>" + escape_html(result) + "</pre>\n";
    else
        html += "<p>No addresses found.</p>\n";
    page("Lookup: " + it->second, html);
    return 0;
}
