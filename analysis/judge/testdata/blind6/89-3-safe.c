/* Reads note commands (find/add/count) from stdin and runs them against an SQLite notes database. */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_LEN 1024

enum cmd_kind { CMD_FIND, CMD_ADD, CMD_COUNT, CMD_QUIT, CMD_UNKNOWN };

struct command {
    enum cmd_kind kind;
    const char *arg;
};

static char *escape_literal(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len * 2 + 1);
    char *p = out;
    if (out == NULL)
        return NULL;
    for (; *s; s++) {
        if (*s == '\'')
            *p++ = '\'';
        *p++ = *s;
    }
    *p = '\0';
    return out;
}

static int print_row(void *ctx, int ncols, char **vals, char **names)
{
    int *rows = ctx;
    (void)names;
    for (int i = 0; i < ncols; i++)
        printf("%s%s", i ? " | " : "", vals[i] ? vals[i] : "NULL");
    putchar('\n');
    (*rows)++;
    return 0;
}

static int run_sql(sqlite3 *db, char *sql)
{
    char *err = NULL;
    int rows = 0;
    if (sql == NULL) {
        fprintf(stderr, "out of memory\n");
        return -1;
    }
    int rc = sqlite3_exec(db, sql, print_row, &rows, &err);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "error: %s\n", err ? err : "unknown");
        sqlite3_free(err);
        return -1;
    }
    return rows;
}

static void parse_command(char *line, struct command *cmd)
{
    static const struct { const char *word; enum cmd_kind kind; } table[] = {
        { "find", CMD_FIND }, { "add", CMD_ADD }, { "count", CMD_COUNT }, { "quit", CMD_QUIT },
    };
    char *space = strchr(line, ' ');
    cmd->arg = "";
    if (space != NULL) {
        *space = '\0';
        cmd->arg = space + 1;
    }
    cmd->kind = CMD_UNKNOWN;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(line, table[i].word) == 0)
            cmd->kind = table[i].kind;
}

static int execute(sqlite3 *db, const struct command *cmd)
{
    char *lit;
    int rc = 0;

    if (cmd->kind == CMD_UNKNOWN) {
        fprintf(stderr, "unknown command\n");
        return 0;
    }
    if (cmd->kind == CMD_QUIT)
        return 1;
    lit = escape_literal(cmd->arg);
    if (lit == NULL) {
        fprintf(stderr, "out of memory\n");
        return -1;
    }
    switch (cmd->kind) {
    case CMD_FIND:
        rc = run_sql(db, sqlite3_mprintf("SELECT id, title FROM notes WHERE shared = 1 "
                                         "AND title LIKE '%%%s%%' ORDER BY id;", lit));
        if (rc >= 0)
            printf("(%d match%s)\n", rc, rc == 1 ? "" : "es");
        break;
    case CMD_ADD:
        rc = run_sql(db, sqlite3_mprintf("INSERT INTO notes(title, shared) VALUES('%s', 1);", lit));
        if (rc >= 0)
            printf("added note %lld\n", (long long)sqlite3_last_insert_rowid(db));
        break;
    case CMD_COUNT:
        rc = run_sql(db, sqlite3_mprintf("SELECT count(*) FROM notes WHERE shared = 1 "
                                         "AND title = '%s';", lit));
        break;
    default:
        break;
    }
    free(lit);
    return rc < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
    sqlite3 *db = NULL;
    char line[LINE_LEN];

    if (argc != 2) {
        fprintf(stderr, "usage: %s NOTES.DB < commands\n", argv[0]);
        return 2;
    }
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return 1;
    }
    while (fgets(line, sizeof line, stdin) != NULL) {
        size_t n = strcspn(line, "\r\n");
        if (line[n] == '\0' && !feof(stdin)) {
            int c;
            while ((c = getchar()) != EOF && c != '\n')
                ;
            fprintf(stderr, "line too long, skipped\n");
            continue;
        }
        line[n] = '\0';
        if (n == 0)
            continue;
        struct command cmd;
        parse_command(line, &cmd);
        if (execute(db, &cmd) != 0)
            break;
    }
    sqlite3_close(db);
    return 0;
}
