// A CGI page that greets the user named in the query string.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *query = getenv("QUERY_STRING");
    char name[128] = "stranger";
    if (query != NULL && strncmp(query, "name=", 5) == 0) {
        snprintf(name, sizeof name, "%s", query + 5);
    }
    printf("Content-Type: text/html\r\n\r\n");
    printf("<html><body><h1>Hello, %s!</h1></body></html>\n", name); // want CWE-79
    return 0;
}
