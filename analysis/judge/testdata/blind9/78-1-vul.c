/* CGI form handler that looks up a host name submitted by POST and shows the resolver output as an HTML page. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BODY 4096
#define MAX_HOST 255

struct lookup_form {
    char host[MAX_HOST + 1];
};

static int hexval(int c)
{
    if (isdigit(c)) return c - '0';
    c = tolower(c);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

static void form_decode(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (*s == '+') {
            *o++ = ' ';
        } else if (*s == '%' && hexval((unsigned char)s[1]) >= 0 && hexval((unsigned char)s[2]) >= 0) {
            *o++ = (char)(hexval((unsigned char)s[1]) * 16 + hexval((unsigned char)s[2]));
            s += 2;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

static char *read_body(void)
{
    const char *cl = getenv("CONTENT_LENGTH");
    char *end;
    long len;
    if (!cl)
        return NULL;
    len = strtol(cl, &end, 10);
    if (*end != '\0' || len <= 0 || len > MAX_BODY)
        return NULL;
    char *body = malloc((size_t)len + 1);
    if (!body)
        return NULL;
    size_t got = fread(body, 1, (size_t)len, stdin);
    body[got] = '\0';
    return body;
}

static int parse_form(char *body, struct lookup_form *form)
{
    char *save = NULL;
    form->host[0] = '\0';
    for (char *kv = strtok_r(body, "&", &save); kv; kv = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq)
            continue;
        *eq = '\0';
        form_decode(eq + 1);
        if (strcmp(kv, "host") == 0) {
            size_t vlen = strlen(eq + 1);
            if (vlen > MAX_HOST)
                return -1;
            memcpy(form->host, eq + 1, vlen + 1);
        }
    }
    return form->host[0] ? 0 : -1;
}

static int host_chars_ok(const char *host)
{
    return strpbrk(host, ";&|`<>\\\"' ") == NULL;
}

static void put_html(const char *s)
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

static int run_lookup(const struct lookup_form *form)
{
    char cmd[MAX_HOST + 64];
    char line[512];
    snprintf(cmd, sizeof cmd, "getent hosts %s 2>&1", form->host);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    fputs("<pre>", stdout);
    while (fgets(line, sizeof line, p))
        put_html(line);
    fputs("</pre>\n", stdout);
    return pclose(p);
}

int main(void)
{
    struct lookup_form form;
    char *body = read_body();

    fputs("Content-Type: text/html\r\n\r\n<html><body><h1>Host lookup</h1>\n", stdout);
    if (!body || parse_form(body, &form) != 0 || form.host[0] == '-' || !host_chars_ok(form.host)) {
        fputs("<p>Invalid host name.</p></body></html>\n", stdout);
        free(body);
        return 0;
    }
    fputs("<p>Results for <b>", stdout);
    put_html(form.host);
    fputs("</b>:</p>\n", stdout);
    fflush(stdout);
    if (run_lookup(&form) != 0)
        fputs("<p>No entry found.</p>\n", stdout);
    fputs("</body></html>\n", stdout);
    free(body);
    return 0;
}
