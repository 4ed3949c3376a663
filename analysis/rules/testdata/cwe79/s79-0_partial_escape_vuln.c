// 79-0 (C): the loop escapes '&' only: a '<' still reaches the page.
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
    printf("<h1>Hello, ");
    for (const char *p = name; *p != '\0'; p++) {
        if (*p == '&') {
            printf("&amp;");
        } else {
            putchar(*p); // want CWE-79
        }
    }
    printf("!</h1>\n</body></html>\n");
    return 0;
}
