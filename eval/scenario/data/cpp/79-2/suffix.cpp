
int main() {
    std::string request;
    char reply[REPLY_SIZE];
    if (!std::getline(std::cin, request)) {
        return 1;
    }
    hello_reply(request, reply, sizeof reply);
    std::cout << reply;
    return 0;
}
