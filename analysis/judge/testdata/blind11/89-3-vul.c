/* Personal notes tool: reads add/find/list commands from stdin and stores notes per user in SQLite. */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_LEN 512
#define ESC_MAX (2 * LINE_MAX_LEN + 1)
#define SQL_MAX (2 * ESC_MAX + 256)

struct notes_ctx {
    sqlite3 *db;
    char owner[ESC_MAX];
};

static int escape_sql(const char *in, char *out, size_t outsz)
{
    size_t n = 0;
    for (; *in; in++) {
        if (n + 2 >= outsz)
            return -1;
        if (*in == '\'' || *in == '\\')
            out[n++] = '\\';
        out[n++] = *in;
    }
    out[n] = '\0';
    return 0;
}

static int print_row(void *arg, int ncols, char **vals, char **names)
{
    (void)names;
    (void)arg;
    if (ncols >= 2)
        printf("#%s  %s\n", vals[0] ? vals[0] : "?", vals[1] ? vals[1] : "");
    return 0;
}

static int run_sql(struct notes_ctx *ctx, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(ctx->db, sql, print_row, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "error: %s\n", err ? err : "unknown");
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

static int cmd_add(struct notes_ctx *ctx, const char *text)
{
    char esc[ESC_MAX], sql[SQL_MAX];
    int n;
    if (escape_sql(text, esc, sizeof esc) != 0)
        return -1;
    n = snprintf(sql, sizeof sql, "INSERT INTO notes(owner, body) VALUES('%s', '%s')",
                 ctx->owner, esc);
    if (n < 0 || (size_t)n >= sizeof sql)
        return -1;
    return run_sql(ctx, sql);
}

static int cmd_find(struct notes_ctx *ctx, const char *word)
{
    char esc[ESC_MAX], sql[SQL_MAX];
    int n;
    if (escape_sql(word, esc, sizeof esc) != 0)
        return -1;
    n = snprintf(sql, sizeof sql,
                 "SELECT id, body FROM notes WHERE owner = '%s' AND body LIKE '%%%s%%' ORDER BY id",
                 ctx->owner, esc);
    if (n < 0 || (size_t)n >= sizeof sql)
        return -1;
    return run_sql(ctx, sql);
}

static int cmd_list(struct notes_ctx *ctx)
{
    char sql[SQL_MAX];
    int n = snprintf(sql, sizeof sql, "SELECT id, body FROM notes WHERE owner = '%s' ORDER BY id",
                     ctx->owner);
    if (n < 0 || (size_t)n >= sizeof sql)
        return -1;
    return run_sql(ctx, sql);
}

static void dispatch(struct notes_ctx *ctx, char *line)
{
    char *arg = strchr(line, ' ');
    int rc;
    if (arg)
        *arg++ = '\0';
    if (strcmp(line, "add") == 0 && arg && *arg)
        rc = cmd_add(ctx, arg);
    else if (strcmp(line, "find") == 0 && arg && *arg)
        rc = cmd_find(ctx, arg);
    else if (strcmp(line, "list") == 0)
        rc = cmd_list(ctx);
    else {
        fprintf(stderr, "commands: add TEXT | find WORD | list\n");
        return;
    }
    if (rc != 0)
        fprintf(stderr, "command failed\n");
}

int main(int argc, char **argv)
{
    struct notes_ctx ctx;
    char line[LINE_MAX_LEN];
    const char *user = getenv("NOTES_USER");

    if (argc != 2) {
        fprintf(stderr, "usage: %s DATABASE < commands\n", argv[0]);
        return 2;
    }
    if (!user || !*user || strlen(user) >= LINE_MAX_LEN ||
        escape_sql(user, ctx.owner, sizeof ctx.owner) != 0) {
        fprintf(stderr, "NOTES_USER must be set\n");
        return 2;
    }
    if (sqlite3_open(argv[1], &ctx.db) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        sqlite3_close(ctx.db);
        return 1;
    }
    if (run_sql(&ctx, "CREATE TABLE IF NOT EXISTS notes(id INTEGER PRIMARY KEY, "
                      "owner TEXT NOT NULL, body TEXT NOT NULL)") != 0) {
        sqlite3_close(ctx.db);
        return 1;
    }
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0])
            dispatch(&ctx, line);
    }
    sqlite3_close(ctx.db);
    return 0;
}
