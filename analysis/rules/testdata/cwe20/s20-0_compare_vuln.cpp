// 20-0 (C++): compare() of the first characters with the host URL.
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
    const std::string allowed = "http://example.com";
    if (url.compare(0, allowed.size(), allowed) == 0) { // want CWE-20
        redirect_to(url);
        return;
    }
    refuse();
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
