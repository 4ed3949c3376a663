// 79-0 (C): the name goes into the page through fprintf(stdout, ...) and fputs.
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
    fprintf(stdout, "<h1>Welcome, %s!</h1>\n", name); // want CWE-79
    fputs("<p>Your name: ", stdout);
    fputs(name, stdout); // want CWE-79
    fputs("</p>\n</body></html>\n", stdout);
    return 0;
}
