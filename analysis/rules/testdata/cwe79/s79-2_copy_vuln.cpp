// 79-2 (C++): std::string::copy into the reply.
/*
 * Tiny web service: reply to a request with an HTML page that says hello
 * to the user named in the request's "user" parameter.
 */
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

constexpr std::size_t REPLY_SIZE = 512;

/* Returns text with &, <, >, " and ' replaced by HTML entities. */
std::string escape_html(const std::string &text);

/* Writes into reply (reply_size bytes) the page greeting the user named in
 * request, a line such as "user=alice". */
void hello_reply(const std::string &request, char *reply, std::size_t reply_size) {
    std::string user = "anonymous";
    std::string::size_type at = request.find("user=");
    if (at != std::string::npos) {
        user = request.substr(at + 5);
    }

    // write "<html><body>hello, USER</body></html>" into reply
    std::string page = "<html><body>hello, ";
    page += user;
    page += "</body></html>";
    std::size_t n = page.copy(reply, reply_size - 1);
    reply[n] = '\0';
}

int main() {
    std::string request;
    char reply[REPLY_SIZE];
    if (!std::getline(std::cin, request)) {
        return 1;
    }
    hello_reply(request, reply, sizeof reply);
    std::cout << reply; // want CWE-79
    return 0;
}
