/* CGI program that reports the line count of a log file in logs/ chosen by the "log" query parameter. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define LOG_DIR "logs"
#define NAME_MAX_LEN 128

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static void url_decode(char *s)
{
    char *o = s;
    while (*s) {
        if (*s == '%' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
            *o++ = (char)(hexval(s[1]) * 16 + hexval(s[2]));
            s += 3;
        } else if (*s == '+') {
            *o++ = ' ';
            s++;
        } else {
            *o++ = *s++;
        }
    }
    *o = '\0';
}

static int query_value(const char *qs, const char *key, char *out, size_t outlen)
{
    size_t klen = strlen(key);
    while (qs && *qs) {
        if (strncmp(qs, key, klen) == 0 && qs[klen] == '=') {
            const char *v = qs + klen + 1;
            size_t n = strcspn(v, "&");
            if (n >= outlen)
                return 0;
            memcpy(out, v, n);
            out[n] = '\0';
            url_decode(out);
            return 1;
        }
        qs = strchr(qs, '&');
        if (qs) qs++;
    }
    return 0;
}

static int acceptable_log_name(const char *name)
{
    if (name[0] == '\0' || name[0] == '.' || name[0] == '-')
        return 0;
    for (; *name; name++) {
        unsigned char c = (unsigned char)*name;
        if (!isalnum(c) && c != '.' && c != '_' && c != '-')
            return 0;
    }
    return 1;
}

static int count_lines(const char *name, long *lines)
{
    char cmd[256];
    char out[128];
    FILE *p;
    int n;

    n = snprintf(cmd, sizeof cmd, "wc -l 2>/dev/null < %s/%s", LOG_DIR, name);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return -1;
    p = popen(cmd, "r");
    if (p == NULL)
        return -1;
    if (fgets(out, sizeof out, p) == NULL) {
        pclose(p);
        return -1;
    }
    if (pclose(p) != 0)
        return -1;
    *lines = strtol(out, NULL, 10);
    return 0;
}

int main(void)
{
    char name[NAME_MAX_LEN];
    const char *qs = getenv("QUERY_STRING");
    long lines = 0;

    if (qs == NULL || !query_value(qs, "log", name, sizeof name) ||
        !acceptable_log_name(name)) {
        printf("Status: 400 Bad Request\r\nContent-Type: text/plain\r\n\r\ninvalid log name\n");
        return 0;
    }
    if (count_lines(name, &lines) < 0) {
        printf("Status: 404 Not Found\r\nContent-Type: text/plain\r\n\r\nno such log\n");
        return 0;
    }
    printf("Content-Type: text/plain\r\n\r\n%ld\n", lines);
    return 0;
}
