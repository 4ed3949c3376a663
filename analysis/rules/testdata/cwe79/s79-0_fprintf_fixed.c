// 79-0 (C): an escaping loop with an if-else chain writes the name.
/*
 * CGI program: answers GET /greet?name=NAME with an HTML page that welcomes
 * the user by name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    // the web server passes the request's query string in the environment
    const char *query = getenv("QUERY_STRING");
    const char *name = "guest";
    if (query != NULL && strncmp(query, "name=", 5) == 0) {
        name = query + 5;
    }

    printf("Content-Type: text/html\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><body>\n");

    // welcome the user by name
    fprintf(stdout, "<h1>Welcome, ");
    for (const char *p = name; *p; p++) {
        if (*p == '<') {
            fputs("&lt;", stdout);
        } else if (*p == '>') {
            fputs("&gt;", stdout);
        } else if (*p == '&') {
            fputs("&amp;", stdout);
        } else if (*p == '"') {
            fputs("&quot;", stdout);
        } else {
            fputc(*p, stdout);
        }
    }
    fputs("!</h1>\n</body></html>\n", stdout);
    return 0;
}
