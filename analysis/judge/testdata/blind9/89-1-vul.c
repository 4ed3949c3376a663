/* Command-line account viewer: prints the e-mail and role of a user from an SQLite account database. */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct account_db {
    sqlite3 *handle;
    const char *path;
    int rows_printed;
};

static int open_db(struct account_db *db, const char *path)
{
    db->path = path;
    db->rows_printed = 0;
    if (sqlite3_open_v2(path, &db->handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", path, sqlite3_errmsg(db->handle));
        sqlite3_close(db->handle);
        db->handle = NULL;
        return -1;
    }
    return 0;
}

static int print_row(void *ctx, int ncols, char **values, char **names)
{
    struct account_db *db = ctx;
    (void)names;
    if (ncols >= 3) {
        printf("%-16s %-32s %s\n", values[0] ? values[0] : "", values[1] ? values[1] : "",
               values[2] ? values[2] : "");
        db->rows_printed++;
    }
    return 0;
}

static int show_user(struct account_db *db, const char *username)
{
    char sql[512];
    char *err = NULL;
    int n = snprintf(sql, sizeof sql,
                     "SELECT name, email, role FROM accounts WHERE name = '%s' AND active = 1;",
                     username);
    if (n < 0 || (size_t)n >= sizeof sql) {
        fprintf(stderr, "user name too long\n");
        return -1;
    }
    if (sqlite3_exec(db->handle, sql, print_row, db, &err) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", err ? err : "unknown error");
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

static void usage(const char *prog)
{
    fprintf(stderr, "usage: %s DATABASE USERNAME\n", prog);
}

int main(int argc, char **argv)
{
    struct account_db db;
    if (argc != 3) {
        usage(argv[0]);
        return 2;
    }
    if (open_db(&db, argv[1]) != 0)
        return 1;
    int rc = show_user(&db, argv[2]);
    if (rc == 0 && db.rows_printed == 0)
        printf("no active user named %s\n", argv[2]);
    sqlite3_close(db.handle);
    return rc == 0 ? 0 : 1;
}
