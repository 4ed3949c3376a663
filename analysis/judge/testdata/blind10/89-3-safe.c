/* Knowledge-base CGI: searches published article titles in an sqlite3 database using the q parameter of QUERY_STRING. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#define TERM_MAX 128

struct search {
    char term[TERM_MAX];
    int limit;
};

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
    for (char *p = s; *p; p++) {
        if (*p == '+') {
            *o++ = ' ';
        } else if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
            *o++ = (char)(hexval(p[1]) * 16 + hexval(p[2]));
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
}

static int term_chars_ok(const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (!isalnum(c) && c != ' ' && c != '-' && c != '_' && c != '.')
            return 0;
    }
    return 1;
}

static int parse_query(const char *qs, struct search *out)
{
    out->term[0] = '\0';
    out->limit = 20;
    const char *p = qs;
    while (p && *p) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > 2 && strncmp(p, "q=", 2) == 0) {
            if (len - 2 >= sizeof out->term) return -1;
            memcpy(out->term, p + 2, len - 2);
            out->term[len - 2] = '\0';
            url_decode(out->term);
            if (!term_chars_ok(out->term)) return -1;
        } else if (len > 6 && strncmp(p, "limit=", 6) == 0) {
            int v = atoi(p + 6);
            if (v > 0 && v <= 100) out->limit = v;
        }
        p = end ? end + 1 : NULL;
    }
    return 0;
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
        default: putchar(*s); break;
        }
    }
}

static int run_search(sqlite3 *db, const struct search *s)
{
    char sql[512];
    sqlite3_stmt *st = NULL;
    snprintf(sql, sizeof sql,
             "SELECT id, title FROM articles WHERE published = 1 "
             "AND title LIKE '%%%s%%' ORDER BY id LIMIT %d",
             s->term, s->limit);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rows = 0;
    printf("<ul>\n");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *title = sqlite3_column_text(st, 1);
        printf("<li><a href=\"article.cgi?id=%d\">", sqlite3_column_int(st, 0));
        put_html(title ? (const char *)title : "");
        printf("</a></li>\n");
        rows++;
    }
    printf("</ul>\n");
    sqlite3_finalize(st);
    return rows;
}

int main(void)
{
    struct search s;
    const char *dbpath = getenv("KB_DATABASE");
    if (!dbpath) dbpath = "kb.db";

    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Knowledge base</title></head><body>\n");
    if (parse_query(getenv("QUERY_STRING"), &s) != 0) {
        printf("<p>Invalid search.</p>\n</body></html>\n");
        return 0;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        printf("<p>Service unavailable.</p>\n</body></html>\n");
        sqlite3_close(db);
        return 0;
    }
    printf("<h1>Articles matching \"");
    put_html(s.term);
    printf("\"</h1>\n");
    int n = run_search(db, &s);
    if (n < 0)
        printf("<p>Search failed.</p>\n");
    else if (n == 0)
        printf("<p>No articles found.</p>\n");
    sqlite3_close(db);
    printf("</body></html>\n");
    return 0;
}
