// 79-0 (C): the name is escaped into a buffer character by character, then printed.
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
    char safe[1024];
    size_t j = 0;
    for (size_t i = 0; name[i] != '\0' && j + 6 < sizeof safe; i++) {
        switch (name[i]) {
        case '<':
            memcpy(safe + j, "&lt;", 4);
            j += 4;
            break;
        case '>':
            memcpy(safe + j, "&gt;", 4);
            j += 4;
            break;
        case '&':
            memcpy(safe + j, "&amp;", 5);
            j += 5;
            break;
        case '"':
            memcpy(safe + j, "&quot;", 6);
            j += 6;
            break;
        default:
            safe[j++] = name[i];
        }
    }
    safe[j] = '\0';
    printf("<h1>Hello, %s!</h1>\n</body></html>\n", safe);
    return 0;
}
