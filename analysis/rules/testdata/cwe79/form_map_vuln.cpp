// Shows back a posted form's name field. The body is read with
// std::cin.read, split into a std::map, and the field looked up with
// find; the value goes into the page as it was posted.
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

static std::string escape_html(const std::string &in)
{
    std::string out;
    for (char c : in) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

static std::string lookup(const std::map<std::string, std::string> &form, const std::string &key)
{
    auto it = form.find(key);
    return it == form.end() ? std::string() : it->second;
}

int main()
{
    const char *len_env = std::getenv("CONTENT_LENGTH");
    unsigned long len = len_env != nullptr ? std::strtoul(len_env, nullptr, 10) : 0;
    if (len > 4096) {
        return 1;
    }
    std::string body(len, '\0');
    std::cin.read(&body[0], static_cast<std::streamsize>(len));
    std::map<std::string, std::string> form;
    std::istringstream in(body);
    std::string pair;
    while (std::getline(in, pair, '&')) {
        auto eq = pair.find('=');
        if (eq != std::string::npos) {
            form[pair.substr(0, eq)] = pair.substr(eq + 1);
        }
    }
    std::cout << "Content-Type: text/html\r\n\r\n";
    std::cout << "<p>Thanks, " << lookup(form, "name") << "</p>\n"; // want CWE-79
    std::cout << "<p>" << escape_html(lookup(form, "note")) << "</p>\n";
    return 0;
}
