// The request data is escaped before the reply.
#include <stdio.h>

const char *escape_html(const char *s);

void http_hello(FILE *request, FILE *response) {
    char username[256];
    if (fgets(username, sizeof username, request) == NULL) return;
    fprintf(response, "hello, %s", escape_html(username));
    fprintf(stderr, "log: %s", username);
}
