/* Command-line tool that prints the account details of one user from an SQLite database. */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUERY_MAX 512

struct account {
    char name[64];
    char email[128];
    char role[32];
    int found;
};

static void copy_col(char *dst, size_t dstsz, const char *src)
{
    snprintf(dst, dstsz, "%s", src ? src : "");
}

static void store_row(struct account *acct, const char *name, const char *email,
                      const char *role)
{
    copy_col(acct->name, sizeof acct->name, name);
    copy_col(acct->email, sizeof acct->email, email);
    copy_col(acct->role, sizeof acct->role, role);
    acct->found++;
    printf("%-16s %-32s %s\n", acct->name, acct->email, acct->role);
}

static const char lookup_sql[] =
    "SELECT name, email, role FROM users WHERE name = ?1 AND active = 1;";

static int lookup_account(sqlite3 *db, const char *user, struct account *out)
{
    sqlite3_stmt *stmt = NULL;
    int rc;

    memset(out, 0, sizeof *out);
    if (strlen(user) >= QUERY_MAX) {
        fprintf(stderr, "user name too long\n");
        return -1;
    }
    if (sqlite3_prepare_v2(db, lookup_sql, -1, &stmt, NULL) != SQLITE_OK ||
        sqlite3_bind_text(stmt, 1, user, -1, SQLITE_STATIC) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
        sqlite3_finalize(stmt);
        return -1;
    }
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        store_row(out, (const char *)sqlite3_column_text(stmt, 0),
                  (const char *)sqlite3_column_text(stmt, 1),
                  (const char *)sqlite3_column_text(stmt, 2));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    sqlite3 *db = NULL;
    struct account acct;

    if (argc != 3) {
        fprintf(stderr, "usage: %s DATABASE USERNAME\n", argv[0]);
        return 2;
    }
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return 1;
    }
    int rc = lookup_account(db, argv[2], &acct);
    sqlite3_close(db);
    if (rc != 0)
        return 1;
    if (!acct.found) {
        printf("no active user named %s\n", argv[2]);
        return 1;
    }
    printf("%d record(s)\n", acct.found);
    return 0;
}
