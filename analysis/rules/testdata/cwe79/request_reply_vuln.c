// A reply written straight from the request stream, without a tag in
// sight: the request data still reaches the page.
#include <stdio.h>

void http_hello(FILE *request, FILE *response) {
    char username[256];
    if (fgets(username, sizeof username, request) == NULL) return;
    fprintf(response, "hello, %s", username); // want CWE-79
}
