// Guestbook CGI: reads a posted name and message from the request body and renders a confirmation page.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BODY_MAX 2048

static void form_value(const char *body, const char *key, char *out, size_t cap)
{
    size_t klen = strlen(key), n = 0;
    const char *p = body;
    out[0] = '\0';
    for (; p; p = strchr(p, '&') ? strchr(p, '&') + 1 : NULL) {
        if (strncmp(p, key, klen) != 0 || p[klen] != '=')
            continue;
        for (p += klen + 1; *p && *p != '&' && n + 1 < cap; p++) {
            unsigned int c;
            if (*p == '%' && sscanf(p + 1, "%2x", &c) == 1) {
                out[n++] = (char)c;
                p += 2;
            } else {
                out[n++] = (*p == '+') ? ' ' : *p;
            }
        }
        out[n] = '\0';
        return;
    }
}

static void strip_scripts(char *s)
{
    char *hit;
    while ((hit = strstr(s, "<script")) != NULL)
        memmove(hit, hit + 7, strlen(hit + 7) + 1);
}

static void html_escape(const char *s)
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
    char body[BODY_MAX + 1], name[64], msg[1024];
    const char *cl = getenv("CONTENT_LENGTH");
    long len = cl ? strtol(cl, NULL, 10) : 0;
    size_t got;

    if (len < 0 || len > BODY_MAX)
        len = BODY_MAX;
    got = fread(body, 1, (size_t)len, stdin);
    body[got] = '\0';
    form_value(body, "name", name, sizeof name);
    form_value(body, "msg", msg, sizeof msg);
    strip_scripts(name);

    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<html><body>\n<h2>Thanks, ");
    html_escape(name[0] ? name : "stranger");
    printf("!</h2>\n<blockquote>");
    html_escape(msg);
    printf("</blockquote>\n<p>Your entry will appear after review.</p></body></html>\n");
    return 0;
}
