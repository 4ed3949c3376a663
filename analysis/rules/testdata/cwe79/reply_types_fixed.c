// A small CGI service with two endpoints: /status answers in plain text,
// /profile with an HTML page. The page escapes the name; the plain-text
// reply is shown as text by the browser and needs no HTML escaping.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void status_reply(const char *who) {
    printf("Content-Type: text/plain; charset=utf-8\r\n\r\n");
    printf("ok, %s\n", who);
}

static void put_escaped(const char *s) {
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '<': fputs("&lt;", stdout); break;
        case '>': fputs("&gt;", stdout); break;
        case '&': fputs("&amp;", stdout); break;
        case '"': fputs("&quot;", stdout); break;
        default: putchar(*s);
        }
    }
}

static void profile_reply(const char *who) {
    fputs("Content-Type: text/html\r\n\r\n", stdout);
    fputs("<html><body><p>Profile of ", stdout);
    put_escaped(who);
    fputs("</p></body></html>\n", stdout);
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
