// Looks up the phone number of each name read from standard input in
// contacts.db. The name is quoted into the statement by a helper that
// fills a buffer and fails when it is too small; it writes a quote as two
// quotes, as SQL does.
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>

static int quote_into(const char *in, char *out, size_t size)
{
    size_t n = 0;
    for (; *in; in++) {
        if (n + 3 > size)
            return -1;
        if (*in == '\'')
            out[n++] = '\'';
        out[n++] = *in;
    }
    out[n] = '\0';
    return 0;
}

static int show(void *ctx, int n, char **vals, char **names)
{
    (void)ctx;
    (void)names;
    if (n > 0 && vals[0])
        puts(vals[0]);
    return 0;
}

static int lookup(sqlite3 *db, const char *name);

int main(void)
{
    sqlite3 *db;
    char line[64];
    if (sqlite3_open("contacts.db", &db) != SQLITE_OK)
        return 1;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        lookup(db, line);
    }
    sqlite3_close(db);
    return 0;
}

static int lookup(sqlite3 *db, const char *name)
{
    char quoted[128], sql[256];
    if (quote_into(name, quoted, sizeof quoted) != 0)
        return -1;
    snprintf(sql, sizeof sql, "SELECT phone FROM contacts WHERE name = '%s'", quoted);
    return sqlite3_exec(db, sql, show, NULL, NULL);
}
