// The name is escaped before it goes into the page.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void html_escape(char *out, size_t n, const char *in) {
    size_t j = 0;
    for (; *in && j + 6 < n; in++) {
        switch (*in) {
        case '<': j += snprintf(out + j, n - j, "&lt;"); break;
        case '>': j += snprintf(out + j, n - j, "&gt;"); break;
        case '&': j += snprintf(out + j, n - j, "&amp;"); break;
        case '"': j += snprintf(out + j, n - j, "&quot;"); break;
        default: out[j++] = *in;
        }
    }
    out[j] = '\0';
}

int main(void) {
    char *query = getenv("QUERY_STRING");
    char name[128] = "stranger";
    char safe[768];
    if (query != NULL && strncmp(query, "name=", 5) == 0) {
        snprintf(name, sizeof name, "%s", query + 5);
    }
    html_escape(safe, sizeof safe, name);
    printf("Content-Type: text/html\r\n\r\n");
    printf("<html><body><h1>Hello, %s!</h1></body></html>\n", safe);
    return 0;
}
