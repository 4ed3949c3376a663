// CGI guestbook: stores posted name/message entries in a file and renders them as HTML.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

const std::size_t kMaxBody = 64 * 1024;

struct Entry {
    std::string name;
    std::string message;
};

int hexval(char c)
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
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() && hexval(in[i + 1]) >= 0 &&
                   hexval(in[i + 2]) >= 0) {
            out += static_cast<char>(hexval(in[i + 1]) * 16 + hexval(in[i + 2]));
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

std::string flatten(std::string s)
{
    for (char &c : s)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s;
}

std::string escape_html(const std::string &s)
{
    std::string out;
    out.reserve(s.size());
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

class Guestbook {
public:
    explicit Guestbook(std::string path) : path_(std::move(path)) {}

    bool add(const Entry &e) const
    {
        std::ofstream out(path_, std::ios::app);
        if (!out) return false;
        out << flatten(e.name) << '\t' << flatten(e.message) << '\n';
        return static_cast<bool>(out);
    }

    std::vector<Entry> load() const
    {
        std::vector<Entry> entries;
        std::ifstream in(path_);
        std::string line;
        while (std::getline(in, line)) {
            std::size_t tab = line.find('\t');
            if (tab == std::string::npos) continue;
            entries.push_back({line.substr(0, tab), line.substr(tab + 1)});
        }
        return entries;
    }

private:
    std::string path_;
};

std::string read_body()
{
    const char *len_env = std::getenv("CONTENT_LENGTH");
    if (!len_env) return {};
    char *end = nullptr;
    unsigned long len = std::strtoul(len_env, &end, 10);
    if (end == len_env || *end != '\0' || len > kMaxBody) return {};
    std::string body(len, '\0');
    std::cin.read(&body[0], static_cast<std::streamsize>(len));
    body.resize(static_cast<std::size_t>(std::cin.gcount()));
    return body;
}

void render(const std::vector<Entry> &entries)
{
    std::cout << "<!DOCTYPE html>\n<html><head><title>Guestbook</title></head><body>\n";
    std::cout << "<h1>Guestbook</h1>\n";
    for (const Entry &e : entries) {
        std::cout << "<div class=\"entry\" title=\"Posted by " << escape_html(e.name) << "\">\n"
                  << "  <strong>" << escape_html(e.name) << "</strong>\n"
                  << "  <p>" << escape_html(e.message) << "</p>\n</div>\n";
    }
    std::cout << "<form method=\"post\"><input name=\"name\"><textarea name=\"message\"></textarea>"
                 "<button>Sign</button></form>\n</body></html>\n";
}

}  // namespace

int main()
{
    const char *file_env = std::getenv("GUESTBOOK_FILE");
    Guestbook book(file_env ? file_env : "guestbook.txt");

    const char *method = std::getenv("REQUEST_METHOD");
    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n";

    if (method && std::string(method) == "POST") {
        auto fields = parse_form(read_body());
        Entry e{fields["name"], fields["message"]};
        if (!e.name.empty() && !e.message.empty() && e.name.size() <= 80 &&
            e.message.size() <= 2000) {
            if (!book.add(e))
                std::cout << "<p>Could not save your entry.</p>\n";
        }
    }
    render(book.load());
    return 0;
}
