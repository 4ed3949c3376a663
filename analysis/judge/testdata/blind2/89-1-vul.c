/* Looks up the role of an active account in the accounts database by user name. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

struct lookup {
    int rows;
    char last_role[32];
};

static int on_row(void *arg, int ncol, char **vals, char **names)
{
    struct lookup *lk = arg;

    (void)names;
    if (ncol < 2)
        return 0;
    printf("%-20s %s\n", vals[0] ? vals[0] : "", vals[1] ? vals[1] : "");
    snprintf(lk->last_role, sizeof lk->last_role, "%s", vals[1] ? vals[1] : "");
    lk->rows++;
    return 0;
}

static int lookup_role(sqlite3 *db, const char *user, struct lookup *lk)
{
    char sql[512];
    char *err = NULL;

    if (strlen(user) == 0 || strlen(user) > 64) {
        fprintf(stderr, "user name must be 1-64 characters\n");
        return -1;
    }
    snprintf(sql, sizeof sql,
             "SELECT name, role FROM users WHERE name = '%s' AND active = 1;", user);
    if (sqlite3_exec(db, sql, on_row, lk, &err) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", err ? err : "?");
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    sqlite3 *db;
    struct lookup lk = { 0, "" };

    if (argc != 3) {
        fprintf(stderr, "usage: %s DB USER\n", argv[0]);
        return 2;
    }
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        sqlite3_close(db);
        return 1;
    }
    if (lookup_role(db, argv[2], &lk) == 0 && lk.rows == 0)
        printf("no active account named %s\n", argv[2]);
    sqlite3_close(db);
    return lk.rows > 0 ? 0 : 1;
}
