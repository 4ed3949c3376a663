// 79-0 (C): the check looks for "<script" only: <img onerror=...> passes.
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
    if (strstr(name, "<script") != NULL) {
        printf("<p>invalid name</p>\n</body></html>\n");
        return 1;
    }
    printf("<h1>Hello, %s!</h1>\n</body></html>\n", name); // want CWE-79
    return 0;
}
