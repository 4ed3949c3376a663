// CGI program that renders a greeting page from the "name" and "lang" parameters in QUERY_STRING.
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <string_view>

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static std::string url_decode(std::string_view in) {
    std::string out;
    out.reserve(in.size());
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

static std::string escape_html(std::string_view in) {
    std::string out;
    for (char c : in) {
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

class QueryString {
public:
    explicit QueryString(std::string_view qs) {
        while (!qs.empty()) {
            size_t amp = qs.find('&');
            std::string_view pair = qs.substr(0, amp);
            size_t eq = pair.find('=');
            if (eq != std::string_view::npos)
                params_[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
            else if (!pair.empty())
                params_[url_decode(pair)] = "";
            if (amp == std::string_view::npos)
                break;
            qs.remove_prefix(amp + 1);
        }
    }

    std::string get(const std::string &key, const std::string &fallback) const {
        auto it = params_.find(key);
        if (it == params_.end() || it->second.empty())
            return fallback;
        return it->second;
    }

private:
    std::map<std::string, std::string> params_;
};

static const std::map<std::string, std::string> greetings = {
    {"en", "Hello"}, {"de", "Hallo"}, {"fr", "Bonjour"}, {"es", "Hola"},
};

static void render_page(const QueryString &q, std::ostream &out) {
    std::string_view name = q.get("name", "guest");
    auto g = greetings.find(q.get("lang", "en"));
    const std::string &greeting = g != greetings.end() ? g->second : greetings.at("en");

    out << "Content-Type: text/html; charset=utf-8\r\n\r\n";
    out << "<!DOCTYPE html>\n<html><head><title>Greeting</title></head><body>\n";
    out << "<h1>" << escape_html(greeting) << ", " << escape_html(name) << "!</h1>\n";
    out << "<p>Your name has " << name.size() << " characters.</p>\n";
    out << "</body></html>\n";
}

int main() {
    const char *qs = std::getenv("QUERY_STRING");
    QueryString q(qs != nullptr ? qs : "");
    render_page(q, std::cout);
    return 0;
}
