// 79-0 (C++): an index loop escapes into a std::string with push_back and append.
/*
 * CGI program: answers GET /greet?name=NAME with an HTML page that welcomes
 * the user by name.
 */
#include <cstdlib>
#include <iostream>
#include <string>

int main() {
    // the web server passes the request's query string in the environment
    const char *query = std::getenv("QUERY_STRING");
    std::string name = "guest";
    if (query != nullptr && std::string(query).rfind("name=", 0) == 0) {
        name = std::string(query).substr(5);
    }

    std::cout << "Content-Type: text/html\r\n\r\n";
    std::cout << "<!DOCTYPE html>\n<html><body>\n";

    // welcome the user by name
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        switch (name[i]) {
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '&': out.append("&amp;"); break;
        case '"': out.append("&quot;"); break;
        case '\'': out.append("&#39;"); break;
        default: out.push_back(name[i]);
        }
    }
    std::printf("<h1>Hello, %s!</h1>\n", out.c_str());
    std::printf("</body></html>\n");
    return 0;
}
