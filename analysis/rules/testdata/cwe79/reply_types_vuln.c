// A small CGI service with two endpoints: /status answers in plain text,
// /profile with an HTML page. The page prints the user's name as sent.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void status_reply(const char *who) {
    printf("Content-Type: text/plain; charset=utf-8\r\n\r\n");
    printf("ok, %s\n", who);
}

static void profile_reply(const char *who) {
    fputs("Content-Type: text/html\r\n\r\n", stdout);
    printf("<html><body><p>Profile of %s</p></body></html>\n", who); // want CWE-79
}

int main(void) {
    const char *path = getenv("PATH_INFO");
    const char *query = getenv("QUERY_STRING");
    if (path == NULL || query == NULL) {
        return 1;
    }
    if (strcmp(path, "/status") == 0) {
        status_reply(query);
    } else {
        profile_reply(query);
    }
    return 0;
}
