// CGI page that echoes the search term of QUERY_STRING. The request
// struct keeps the raw term and its escaped copy side by side, and the
// page prints the raw one.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct request {
    char term[64];
    char html[400];
};

static void escape_html(const char *in, char *out, size_t outsz)
{
    size_t o = 0;
    for (; *in != '\0'; in++) {
        const char *rep;
        char one[2] = {*in, '\0'};
        switch (*in) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: rep = one; break;
        }
        size_t n = strlen(rep);
        if (o + n + 1 > outsz) {
            break;
        }
        memcpy(out + o, rep, n);
        o += n;
    }
    out[o] = '\0';
}

int main(void)
{
    struct request r;
    const char *qs = getenv("QUERY_STRING");
    if (qs == NULL) {
        return 1;
    }
    snprintf(r.term, sizeof r.term, "%s", qs);
    escape_html(r.term, r.html, sizeof r.html);
    printf("Content-Type: text/html\n\n");
    printf("<p>You searched for %s</p>\n", r.term); // want CWE-79
    return 0;
}
