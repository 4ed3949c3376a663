/* Looks up the role of an active account in the accounts database by user name. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

struct lookup {
    int rows;
    char last_role[32];
};

static void on_row(struct lookup *lk, const char *name, const char *role)
{
    printf("%-20s %s\n", name ? name : "", role ? role : "");
    snprintf(lk->last_role, sizeof lk->last_role, "%s", role ? role : "");
    lk->rows++;
}

static int lookup_role(sqlite3 *db, const char *user, struct lookup *lk)
{
    sqlite3_stmt *stmt;
    int rc;

    if (strlen(user) == 0 || strlen(user) > 64) {
        fprintf(stderr, "user name must be 1-64 characters\n");
        return -1;
    }
    if (sqlite3_prepare_v2(db, "SELECT name, role FROM users WHERE name = ?1 AND active = 1;",
                           -1, &stmt, NULL) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
        return -1;
    }
    sqlite3_bind_text(stmt, 1, user, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        on_row(lk, (const char *)sqlite3_column_text(stmt, 0), (const char *)sqlite3_column_text(stmt, 1));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
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
