
int main() {
    const char *query = std::getenv("QUERY_STRING");
    if (query == nullptr || std::string(query).rfind("url=", 0) != 0) {
        refuse();
        return 0;
    }
    handle_redirect(std::string(query).substr(4));
    return 0;
}
