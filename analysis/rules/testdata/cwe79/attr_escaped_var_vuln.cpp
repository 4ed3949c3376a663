// A search form that shows the last query again in its text box. The
// query is escaped for HTML text (< > &) and kept in a variable, and that
// variable goes into the value="..." attribute, where a " ends the value.
#include <cstdlib>
#include <iostream>
#include <string>

static std::string escape_text(const std::string &in)
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

int main()
{
    const char *qs = std::getenv("QUERY_STRING");
    std::string query = qs != nullptr ? qs : "";
    const std::string shown = escape_text(query);
    std::cout << "Content-Type: text/html\r\n\r\n";
    std::cout << "<form><input name=\"q\" value=\"" << shown << "\"></form>\n"; // want CWE-79
    std::cout << "<p>You searched for " << shown << "</p>\n";
    return 0;
}
