// 20-0 (C++): the URL is one of two exact addresses, or starts with one and a slash.
/*
 * CGI redirector: send the browser to the address given in the request's
 * "url" parameter, but only when that address is on example.com.
 */
#include <cstdlib>
#include <iostream>
#include <string>

static void redirect_to(const std::string &url) {
    std::cout << "Status: 302 Found\r\nLocation: " << url << "\r\n\r\n";
}

static void refuse() {
    std::cout << "Status: 400 Bad Request\r\nContent-Type: text/plain\r\n\r\nredirect refused\n";
}

/* url is the value of the request's "url" parameter. */
void handle_redirect(const std::string &url) {
    // redirect to url if it is on example.com, refuse otherwise
    const std::string a = "https://example.com";
    const std::string b = "https://example.com/";
    if (url == a || url.compare(0, b.size(), b) == 0) {
        redirect_to(url);
    } else {
        refuse();
    }
}

int main() {
    const char *query = std::getenv("QUERY_STRING");
    if (query == nullptr || std::string(query).rfind("url=", 0) != 0) {
        refuse();
        return 0;
    }
    handle_redirect(std::string(query).substr(4));
    return 0;
}
