// CGI guestbook handler: reads a posted entry and renders the confirmation page.
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

static std::string html_escape(const std::string &in) {
    std::string out;
    for (char c : in) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

static std::string url_decode(const std::string &in) {
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() && std::isxdigit(static_cast<unsigned char>(in[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
            out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

static std::map<std::string, std::string> parse_form(const std::string &body) {
    std::map<std::string, std::string> form;
    size_t pos = 0;
    while (pos <= body.size()) {
        size_t amp = body.find('&', pos);
        std::string pair = body.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
        size_t eq = pair.find('=');
        if (eq != std::string::npos)
            form[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
        if (amp == std::string::npos)
            break;
        pos = amp + 1;
    }
    return form;
}

// Names are shown in the heading, so keep them short and never empty.
static std::string display_name(std::string raw) {
    while (!raw.empty() && raw.back() == ' ')
        raw.pop_back();
    if (raw.size() > 40)
        raw.resize(40);
    return raw.empty() ? "Anonymous" : raw;
}

int main() {
    const char *len_env = std::getenv("CONTENT_LENGTH");
    long len = len_env ? std::strtol(len_env, nullptr, 10) : 0;
    if (len < 0 || len > 65536)
        len = 0;
    std::string body(static_cast<size_t>(len), '\0');
    std::cin.read(&body[0], len);
    body.resize(static_cast<size_t>(std::cin.gcount()));

    auto form = parse_form(body);
    std::string name = display_name(form["name"]);
    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n"
              << "<html><body>\n<h2>Thanks for signing, " << html_escape(name) << "!</h2>\n"
              << "<blockquote>" << html_escape(form["message"]) << "</blockquote>\n"
              << "</body></html>\n";
    return 0;
}
