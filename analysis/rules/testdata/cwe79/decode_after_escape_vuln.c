// Echoes a guestbook message from the query string. The raw value is
// escaped for HTML and only then URL-decoded in place, so %3Cscript%3E
// becomes <script> after the escaping.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void escape_html(const char *in, char *out, size_t cap)
{
    size_t j = 0;
    for (; *in != '\0'; in++) {
        const char *rep = NULL;
        switch (*in) {
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '&':
            rep = "&amp;";
            break;
        case '"':
            rep = "&quot;";
            break;
        }
        size_t n = rep != NULL ? strlen(rep) : 1;
        if (j + n >= cap) {
            break;
        }
        if (rep != NULL) {
            memcpy(out + j, rep, n);
        } else {
            out[j] = *in;
        }
        j += n;
    }
    out[j] = '\0';
}

static int hexval(int c)
{
    if (isdigit(c)) {
        return c - '0';
    }
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void url_decode(char *s)
{
    char *o = s;
    for (; *s != '\0'; s++) {
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

int main(void)
{
    char raw[256], shown[1024];
    const char *qs = getenv("QUERY_STRING");
    snprintf(raw, sizeof raw, "%s", qs != NULL ? qs : "");
    escape_html(raw, shown, sizeof shown);
    url_decode(shown); // want CWE-79
    printf("Content-Type: text/html\r\n\r\n<blockquote>%s</blockquote>\n", shown);
    return 0;
}
