// 79-0 (C++): std::printf with name.c_str().
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
    std::printf("<h1>Hello, %s!</h1>\n", name.c_str()); // want CWE-79
    std::printf("</body></html>\n");
    return 0;
}
