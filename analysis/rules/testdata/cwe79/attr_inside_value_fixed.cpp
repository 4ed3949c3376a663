// Shows the photo named by the name parameter of QUERY_STRING, with the
// name in the middle of the image's alt text. The escaper it uses writes
// <, >, & and the double quote as entities.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

static std::string escape_html(const std::string &in)
{
    std::string out;
    for (char c : in) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out += c; break;
        }
    }
    return out;
}

int main()
{
    const char *qs = std::getenv("QUERY_STRING");
    std::cout << "Content-Type: text/html\r\n\r\n";
    if (qs == nullptr || std::strncmp(qs, "name=", 5) != 0)
        return 0;
    std::string name(qs + 5);
    std::cout << "<img src=\"photo.png\" alt=\"A photo of " << escape_html(name) << ", taken last year\">\n";
    return 0;
}
