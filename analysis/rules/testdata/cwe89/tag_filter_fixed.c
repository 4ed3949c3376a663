// Lists the notes with a tag given in QUERY_STRING (tag=...). The parser
// fills a request struct: it copies the tag, decodes its '%' escapes in
// place, and then checks that what it holds is only letters and digits.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

struct request {
    char tag[64];
};

static int parse_request(const char *qs, struct request *req);
static int list_notes(sqlite3 *db, const struct request *req);

static int tag_chars_ok(const char *s)
{
    for (; *s; s++) {
        if (!isalnum((unsigned char)*s))
            return 0;
    }
    return 1;
}

static int hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void decode_escapes(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '%' && hex_digit(p[1]) >= 0 && hex_digit(p[2]) >= 0) {
            *o++ = (char)(hex_digit(p[1]) * 16 + hex_digit(p[2]));
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
}

static int parse_request(const char *qs, struct request *req)
{
    req->tag[0] = '\0';
    if (qs == NULL || strncmp(qs, "tag=", 4) != 0)
        return -1;
    size_t n = strcspn(qs + 4, "&");
    if (n >= sizeof req->tag)
        return -1;
    memcpy(req->tag, qs + 4, n);
    req->tag[n] = '\0';
    decode_escapes(req->tag);
    if (!tag_chars_ok(req->tag))
        return -1;
    return 0;
}

int main(void)
{
    struct request req;
    sqlite3 *db;
    if (parse_request(getenv("QUERY_STRING"), &req) != 0) {
        puts("bad request");
        return 1;
    }
    if (sqlite3_open("notes.db", &db) != SQLITE_OK)
        return 1;
    list_notes(db, &req);
    sqlite3_close(db);
    return 0;
}

static int print_row(void *ctx, int n, char **vals, char **names)
{
    (void)ctx;
    (void)names;
    for (int i = 0; i < n; i++)
        printf("%s%s", i ? " " : "", vals[i] ? vals[i] : "");
    putchar('\n');
    return 0;
}

static int list_notes(sqlite3 *db, const struct request *req)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT title FROM notes WHERE tag = '%s'", req->tag);
    return sqlite3_exec(db, sql, print_row, NULL, NULL);
}
