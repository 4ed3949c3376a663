/* CGI log search page: greps the application log for the q= term and shows matching lines as HTML. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define TERM_MAX 200
#define CMD_MAX 1024

static int hexval(int c)
{
    if (isdigit(c)) return c - '0';
    c = tolower(c);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

static int query_value(const char *qs, const char *key, char *out, size_t cap)
{
    size_t klen = strlen(key);
    for (const char *p = qs; p && *p; ) {
        const char *amp = strchr(p, '&');
        size_t len = amp ? (size_t)(amp - p) : strlen(p);
        if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            size_t j = 0;
            for (size_t i = klen + 1; i < len; i++) {
                int c = (unsigned char)p[i];
                if (c == '+') {
                    c = ' ';
                } else if (c == '%' && i + 2 < len) {
                    int hi = hexval((unsigned char)p[i + 1]), lo = hexval((unsigned char)p[i + 2]);
                    if (hi < 0 || lo < 0) return -1;
                    c = hi * 16 + lo;
                    i += 2;
                }
                if (c == 0 || j + 1 >= cap) return -1;
                out[j++] = (char)c;
            }
            out[j] = '\0';
            return 0;
        }
        p = amp ? amp + 1 : NULL;
    }
    return -1;
}

static int shell_quote(const char *in, char *out, size_t cap)
{
    size_t j = 0;
    if (cap < 3) return -1;
    out[j++] = '"';
    for (; *in; in++) {
        if (*in == '"' || *in == '\\') {
            if (j + 2 >= cap) return -1;
            out[j++] = '\\';
        }
        if (j + 2 >= cap) return -1;
        out[j++] = *in;
    }
    out[j++] = '"';
    out[j] = '\0';
    return 0;
}

static void print_html_escaped(const char *s)
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

static int run_search(const char *term, const char *logfile)
{
    char qterm[TERM_MAX * 2 + 3], qlog[CMD_MAX / 2], cmd[CMD_MAX];
    if (shell_quote(term, qterm, sizeof qterm) != 0 || shell_quote(logfile, qlog, sizeof qlog) != 0)
        return -1;
    int n = snprintf(cmd, sizeof cmd, "grep -F -i -m 50 -- %s %s", qterm, qlog);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return -1;
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    char line[2048];
    int hits = 0;
    puts("<ul>");
    while (fgets(line, sizeof line, p)) {
        line[strcspn(line, "\n")] = '\0';
        fputs("<li>", stdout);
        print_html_escaped(line);
        puts("</li>");
        hits++;
    }
    puts("</ul>");
    pclose(p);
    return hits;
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    const char *logfile = getenv("SEARCH_LOG");
    char term[TERM_MAX];

    if (!logfile)
        logfile = "app.log";
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    puts("<!DOCTYPE html><html><head><title>Log search</title></head><body>");
    if (!qs || query_value(qs, "q", term, sizeof term) != 0 || term[0] == '\0') {
        puts("<p>Enter a search term.</p></body></html>");
        return 0;
    }
    fputs("<h1>Results for ", stdout);
    print_html_escaped(term);
    puts("</h1>");
    int hits = run_search(term, logfile);
    if (hits < 0)
        puts("<p>Search failed.</p>");
    else
        printf("<p>%d matching lines.</p>\n", hits);
    puts("</body></html>");
    return 0;
}
