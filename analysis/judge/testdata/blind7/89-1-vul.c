/* Looks up an account by user name in an sqlite3 database and prints its profile fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#define MAX_NAME 64

struct profile_printer {
    FILE *out;
    int rows;
};

static int print_profile_row(void *arg, int ncols, char **vals, char **names)
{
    struct profile_printer *pp = arg;
    for (int i = 0; i < ncols; i++)
        fprintf(pp->out, "%-10s %s\n", names[i] ? names[i] : "?", vals[i] ? vals[i] : "(null)");
    fputs("--\n", pp->out);
    pp->rows++;
    return 0;
}

static int valid_name_length(const char *name)
{
    size_t n = strlen(name);
    return n > 0 && n <= MAX_NAME;
}

/* Runs the profile query for one user; returns the number of rows printed or -1. */
static int show_profile(sqlite3 *db, const char *user, FILE *out)
{
    char sql[256];
    char *err = NULL;
    struct profile_printer pp = { out, 0 };
    int n = snprintf(sql, sizeof sql,
                     "SELECT username, full_name, email, created FROM accounts "
                     "WHERE username = '%s' AND disabled = 0;", user);
    if (n < 0 || (size_t)n >= sizeof sql) {
        fprintf(stderr, "query too long\n");
        return -1;
    }
    if (sqlite3_exec(db, sql, print_profile_row, &pp, &err) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", err ? err : "unknown error");
        sqlite3_free(err);
        return -1;
    }
    return pp.rows;
}

static sqlite3 *open_accounts(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s DATABASE USERNAME\n", argv[0]);
        return 2;
    }
    if (!valid_name_length(argv[2])) {
        fprintf(stderr, "user name must be 1-%d characters\n", MAX_NAME);
        return 2;
    }
    sqlite3 *db = open_accounts(argv[1]);
    if (db == NULL)
        return 1;

    int rows = show_profile(db, argv[2], stdout);
    sqlite3_close(db);
    if (rows < 0)
        return 1;
    if (rows == 0) {
        printf("no such user\n");
        return 3;
    }
    return 0;
}
