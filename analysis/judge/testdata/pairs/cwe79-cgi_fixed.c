#include <stdio.h>
#include <stdlib.h>

static void print_escaped(const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", stdout); break;
        case '>': fputs("&gt;", stdout); break;
        case '&': fputs("&amp;", stdout); break;
        case '"': fputs("&quot;", stdout); break;
        case '\'': fputs("&#39;", stdout); break;
        default: putchar(*s);
        }
    }
}

int main(void) {
    const char *q = getenv("QUERY_STRING");
    if (q == NULL) q = "";
    printf("Content-Type: text/html\r\n\r\n");
    printf("<html><body><p>You searched for ");
    print_escaped(q);
    printf("</p></body></html>\n");
    return 0;
}
