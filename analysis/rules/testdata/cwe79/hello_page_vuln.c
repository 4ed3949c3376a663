// An HTTP handler builds "hello, user" from the request into an output
// buffer; an escape function exists, but the reply does not use it.
#include <stdio.h>
#include <string.h>

#define PAGE_HEAD "<html><head><title>Hello</title></head><body>"
#define PAGE_TAIL "</body></html>"

char *escape_html(char *input);

void http_hello_page(const char *url, const char *method, FILE *request, FILE *response) {
    char username[1024];
    fgets(username, 1024, request);
    char outputbuf[1024];
    snprintf(outputbuf, sizeof outputbuf, "%s<p>hello, %s</p>%s", PAGE_HEAD, username, PAGE_TAIL); // want CWE-79
    fputs(outputbuf, response); // want CWE-79
}
