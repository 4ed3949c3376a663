/* Reads "add TITLE|BODY" and "search WORD" commands on stdin and runs them against the current user's notes in SQLite. */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns a newly allocated SQL string literal for s, including the quotes. */
static char *quote_literal(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len * 2 + 3);
    if (out == NULL)
        return NULL;
    char *w = out;
    *w++ = '\'';
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            *w++ = '\\';
        *w++ = *s;
    }
    *w++ = '\'';
    *w = '\0';
    return out;
}

static int print_note(void *ctx, int ncol, char **vals, char **names)
{
    (void)names;
    int *count = ctx;
    if (ncol >= 2)
        printf("%s: %s\n", vals[0] ? vals[0] : "?", vals[1] ? vals[1] : "");
    (*count)++;
    return 0;
}

static int run_sql(sqlite3 *db, char *sql, int *count)
{
    char *err = NULL;
    if (sql == NULL) {
        fprintf(stderr, "out of memory\n");
        return -1;
    }
    int rc = sqlite3_exec(db, sql, count ? print_note : NULL, count, &err);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "error: %s\n", err ? err : sqlite3_errmsg(db));
        sqlite3_free(err);
    }
    sqlite3_free(sql);
    return rc == SQLITE_OK ? 0 : -1;
}

static int add_note(sqlite3 *db, const char *owner, char *args)
{
    char *bar = strchr(args, '|');
    if (bar == NULL) {
        fprintf(stderr, "usage: add TITLE|BODY\n");
        return -1;
    }
    *bar = '\0';
    char *q_owner = quote_literal(owner);
    char *q_title = quote_literal(args);
    char *q_body = quote_literal(bar + 1);
    int rc = -1;
    if (q_owner && q_title && q_body)
        rc = run_sql(db, sqlite3_mprintf("INSERT INTO notes(owner, title, body) VALUES (%s, %s, %s)",
                                         q_owner, q_title, q_body), NULL);
    free(q_owner);
    free(q_title);
    free(q_body);
    return rc;
}

static int search_notes(sqlite3 *db, const char *owner, const char *word)
{
    char *pattern = sqlite3_mprintf("%%%s%%", word);
    char *q_owner = quote_literal(owner);
    char *q_pattern = pattern ? quote_literal(pattern) : NULL;
    int count = 0, rc = -1;
    if (q_owner && q_pattern)
        rc = run_sql(db, sqlite3_mprintf("SELECT title, body FROM notes WHERE owner = %s "
                                         "AND body LIKE %s ORDER BY id", q_owner, q_pattern), &count);
    if (rc == 0)
        printf("(%d match%s)\n", count, count == 1 ? "" : "es");
    sqlite3_free(pattern);
    free(q_owner);
    free(q_pattern);
    return rc;
}

int main(int argc, char **argv)
{
    const char *owner = getenv("USER");
    if (argc != 2 || owner == NULL || *owner == '\0') {
        fprintf(stderr, "usage: USER=name %s DATABASE < commands\n", argv[0]);
        return 2;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        sqlite3_close(db);
        return 1;
    }
    run_sql(db, sqlite3_mprintf("CREATE TABLE IF NOT EXISTS notes(id INTEGER PRIMARY KEY, "
                                "owner TEXT NOT NULL, title TEXT, body TEXT)"), NULL);
    char line[1024];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "add ", 4) == 0)
            add_note(db, owner, line + 4);
        else if (strncmp(line, "search ", 7) == 0)
            search_notes(db, owner, line + 7);
        else if (line[0] != '\0')
            fprintf(stderr, "unknown command\n");
    }
    sqlite3_close(db);
    return 0;
}
