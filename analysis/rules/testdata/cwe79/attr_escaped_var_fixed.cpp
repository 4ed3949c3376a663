// A search form that shows the last query again in its text box. The
// query is escaped for HTML, quotes included, and kept in a variable that
// goes into the value="..." attribute and the text of the page.
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
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
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
    std::cout << "<form><input name=\"q\" value=\"" << shown << "\"></form>\n";
    std::cout << "<p>You searched for " << shown << "</p>\n";
    return 0;
}
