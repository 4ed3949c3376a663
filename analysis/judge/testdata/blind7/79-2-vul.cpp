// CGI comment preview: reads a POSTed form (author, email, body) from stdin and renders a preview page.
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::size_t kMaxBody = 64 * 1024;

std::string html_escape(const std::string &in)
{
    std::string out;
    out.reserve(in.size());
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

class FormData {
public:
    explicit FormData(const std::string &body)
    {
        std::istringstream ss(body);
        std::string pair;
        while (std::getline(ss, pair, '&')) {
            auto eq = pair.find('=');
            if (eq == std::string::npos) continue;
            std::string key = url_decode(pair.substr(0, eq));
            fields_[key] = display_value(pair.substr(eq + 1));
        }
    }

    std::string get(const std::string &key, const std::string &def = "") const
    {
        auto it = fields_.find(key);
        return it == fields_.end() ? def : it->second;
    }

private:
    // Values are stored ready for display in the page.
    static std::string display_value(const std::string &raw)
    {
        return url_decode(html_escape(raw));
    }

    std::map<std::string, std::string> fields_;
};

std::string read_body()
{
    const char *len_env = std::getenv("CONTENT_LENGTH");
    if (len_env == nullptr) return "";
    char *end = nullptr;
    unsigned long len = std::strtoul(len_env, &end, 10);
    if (end == len_env || *end != '\0' || len > kMaxBody) return "";
    std::string body(len, '\0');
    std::cin.read(&body[0], static_cast<std::streamsize>(len));
    body.resize(static_cast<std::size_t>(std::cin.gcount()));
    return body;
}

void render_preview(std::ostream &out, const FormData &form)
{
    std::string author = form.get("author", "Anonymous");
    std::string email = form.get("email");
    std::string body = form.get("body");

    out << "<div class=\"comment-preview\">\n";
    out << "  <p class=\"author\">" << author;
    if (!email.empty()) out << " &lt;" << email << "&gt;";
    out << "</p>\n";

    std::vector<std::string> paragraphs;
    std::istringstream bs(body);
    std::string line;
    while (std::getline(bs, line)) {
        if (!line.empty()) paragraphs.push_back(line);
    }
    for (const auto &p : paragraphs) out << "  <p>" << p << "</p>\n";
    out << "</div>\n";
}

}  // namespace

int main()
{
    const char *method = std::getenv("REQUEST_METHOD");
    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n";
    std::cout << "<!DOCTYPE html>\n<html><head><title>Preview</title></head><body>\n";
    if (method == nullptr || std::string(method) != "POST") {
        std::cout << "<p>Submit the comment form to see a preview.</p>\n";
    } else {
        FormData form(read_body());
        render_preview(std::cout, form);
    }
    std::cout << "</body></html>\n";
    return 0;
}
