/* Applies a batch of add/del/list commands read from stdin to a player score table in an SQLite database. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#define LINE_MAX_LEN 256

struct batch_stats {
    int applied;
    int failed;
};

static int exec_fmt(sqlite3 *db, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *sql = sqlite3_vmprintf(fmt, ap);
    va_end(ap);
    if (!sql) {
        fprintf(stderr, "out of memory\n");
        return -1;
    }
    char *err = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "sql error: %s\n", err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

static int print_row(void *arg, int ncol, char **vals, char **names)
{
    (void)names;
    FILE *out = arg;
    if (ncol >= 2)
        fprintf(out, "%-20s %s\n", vals[0] ? vals[0] : "", vals[1] ? vals[1] : "");
    return 0;
}

static int cmd_add(sqlite3 *db, const char *args)
{
    char *end = NULL;
    long score = strtol(args, &end, 10);
    if (end == args || *end != ' ' || end[1] == '\0' || score < 0 || score > 1000000)
        return -1;
    return exec_fmt(db, "INSERT INTO scores(player, score) VALUES('%q', %ld)", end + 1, score);
}

static int cmd_del(sqlite3 *db, const char *player)
{
    if (*player == '\0')
        return -1;
    return exec_fmt(db, "DELETE FROM scores WHERE player = '%q'", player);
}

static int cmd_list(sqlite3 *db)
{
    char *err = NULL;
    int rc = sqlite3_exec(db, "SELECT player, score FROM scores ORDER BY score DESC, player",
                          print_row, stdout, &err);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "sql error: %s\n", err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

static int run_command(sqlite3 *db, char *line)
{
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '\0' || line[0] == '#')
        return 0;
    if (strncmp(line, "add ", 4) == 0)
        return cmd_add(db, line + 4);
    if (strncmp(line, "del ", 4) == 0)
        return cmd_del(db, line + 4);
    if (strcmp(line, "list") == 0)
        return cmd_list(db);
    fprintf(stderr, "unknown command: %s\n", line);
    return -1;
}

static void run_batch(sqlite3 *db, FILE *in, struct batch_stats *stats)
{
    char line[LINE_MAX_LEN];
    stats->applied = stats->failed = 0;
    while (fgets(line, sizeof line, in)) {
        if (run_command(db, line) == 0)
            stats->applied++;
        else
            stats->failed++;
    }
}

int main(int argc, char **argv)
{
    sqlite3 *db = NULL;
    struct batch_stats stats;

    if (argc != 2) {
        fprintf(stderr, "usage: %s DATABASE < commands\n", argv[0]);
        return 2;
    }
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return 1;
    }
    if (exec_fmt(db, "CREATE TABLE IF NOT EXISTS scores(player TEXT NOT NULL, score INTEGER NOT NULL)") != 0) {
        sqlite3_close(db);
        return 1;
    }
    run_batch(db, stdin, &stats);
    sqlite3_close(db);
    printf("%d applied, %d failed\n", stats.applied, stats.failed);
    return stats.failed ? 1 : 0;
}
