// A CGI page that links to the profile named in the query string, with
// the name as the link's tooltip.
#include <stdio.h>
#include <stdlib.h>

static void put_escaped(const char *s)
{
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

int main(void)
{
    const char *name = getenv("QUERY_STRING");
    if (name == NULL)
        name = "";
    printf("Content-Type: text/html\r\n\r\n<html><body>\n");
    printf("<a href=\"/profile\" title='");
    put_escaped(name);
    printf("'>profile</a>\n</body></html>\n");
    return 0;
}
