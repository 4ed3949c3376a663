
int main(void) {
    const char *query = getenv("QUERY_STRING");
    if (query == NULL || strncmp(query, "url=", 4) != 0) {
        refuse();
        return 0;
    }
    handle_redirect(query + 4);
    return 0;
}
