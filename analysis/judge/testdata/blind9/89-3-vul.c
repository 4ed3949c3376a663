/* CGI product search: looks up visible products matching the "q" and optional "cat" parameters of QUERY_STRING. */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PARAM_MAX 128
#define SQL_MAX 1024

struct search_request {
    char term[PARAM_MAX];
    char category[PARAM_MAX];
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int get_param(const char *qs, const char *name, char *out, size_t outsz)
{
    size_t nlen = strlen(name);
    const char *p = qs;
    while (p != NULL && *p != '\0') {
        if (strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            const char *v = p + nlen + 1;
            size_t j = 0;
            while (*v != '\0' && *v != '&') {
                char c = *v;
                if (c == '+') {
                    c = ' ';
                } else if (c == '%' && hexval(v[1]) >= 0 && hexval(v[2]) >= 0) {
                    c = (char)(hexval(v[1]) * 16 + hexval(v[2]));
                    v += 2;
                }
                if (j + 1 >= outsz)
                    return -1;
                out[j++] = c;
                v++;
            }
            out[j] = '\0';
            return 0;
        }
        p = strchr(p, '&');
        if (p != NULL)
            p++;
    }
    out[0] = '\0';
    return 0;
}

static int quote_literal(const char *in, char *out, size_t outsz)
{
    size_t j = 0;
    for (; *in != '\0'; in++) {
        if (*in == '\'' || *in == '\\') {
            if (j + 1 >= outsz)
                return -1;
            out[j++] = '\\';
        }
        if (j + 1 >= outsz)
            return -1;
        out[j++] = *in;
    }
    out[j] = '\0';
    return 0;
}

static int build_query(const struct search_request *req, char *sql, size_t sqlsz)
{
    char term[2 * PARAM_MAX + 1];
    char cat[2 * PARAM_MAX + 1];
    int n;
    if (quote_literal(req->term, term, sizeof term) != 0 ||
        quote_literal(req->category, cat, sizeof cat) != 0)
        return -1;
    if (cat[0] != '\0')
        n = snprintf(sql, sqlsz,
                     "SELECT name, price FROM products WHERE hidden = 0 AND category = '%s' "
                     "AND name LIKE '%%%s%%' ORDER BY name", cat, term);
    else
        n = snprintf(sql, sqlsz,
                     "SELECT name, price FROM products WHERE hidden = 0 "
                     "AND name LIKE '%%%s%%' ORDER BY name", term);
    return (n < 0 || (size_t)n >= sqlsz) ? -1 : 0;
}

static int run_search(const char *dbpath, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    int count = 0;
    if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const unsigned char *name = sqlite3_column_text(stmt, 0);
        printf("%s\t%.2f\n", name ? (const char *)name : "", sqlite3_column_double(stmt, 1));
        count++;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return count;
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    const char *dbpath = getenv("SHOP_DB");
    struct search_request req;
    char sql[SQL_MAX];
    if (qs == NULL)
        qs = "";
    if (dbpath == NULL)
        dbpath = "shop.db";
    printf("Content-Type: text/plain; charset=utf-8\r\n\r\n");
    if (get_param(qs, "q", req.term, sizeof req.term) != 0 ||
        get_param(qs, "cat", req.category, sizeof req.category) != 0 ||
        build_query(&req, sql, sizeof sql) != 0) {
        printf("invalid search\n");
        return 0;
    }
    int found = run_search(dbpath, sql);
    if (found < 0)
        printf("search unavailable\n");
    else
        printf("%d result(s)\n", found);
    return 0;
}
