/* Command-line tool that looks up active accounts by user name in an SQLite database and prints their e-mail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#define NAME_MAX_LEN 400

struct account {
    int id;
    char name[64];
    char email[128];
};

typedef void (*account_cb)(const struct account *acct, void *arg);

static void copy_column(sqlite3_stmt *st, int col, char *dst, size_t dstsz)
{
    const unsigned char *txt = sqlite3_column_text(st, col);
    snprintf(dst, dstsz, "%s", txt ? (const char *)txt : "");
}

static int find_active_accounts(sqlite3 *db, const char *name, account_cb cb, void *arg)
{
    static const char sql[] =
        "SELECT id, name, email FROM accounts WHERE name = ?1 AND active = 1 ORDER BY id";
    sqlite3_stmt *st = NULL;
    int found = 0;

    if (strlen(name) >= NAME_MAX_LEN) {
        fprintf(stderr, "user name too long\n");
        return -1;
    }
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
        return -1;
    }
    if (sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT) != SQLITE_OK) {
        fprintf(stderr, "bind failed: %s\n", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return -1;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct account acct;
        acct.id = sqlite3_column_int(st, 0);
        copy_column(st, 1, acct.name, sizeof acct.name);
        copy_column(st, 2, acct.email, sizeof acct.email);
        cb(&acct, arg);
        found++;
    }
    if (rc != SQLITE_DONE)
        fprintf(stderr, "step failed: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return found;
}

static void print_account(const struct account *acct, void *arg)
{
    FILE *out = arg;
    fprintf(out, "%d\t%s\t%s\n", acct->id, acct->name, acct->email);
}

int main(int argc, char **argv)
{
    sqlite3 *db = NULL;

    if (argc != 3) {
        fprintf(stderr, "usage: %s DATABASE USERNAME\n", argv[0]);
        return 2;
    }
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return 1;
    }
    int found = find_active_accounts(db, argv[2], print_account, stdout);
    sqlite3_close(db);
    if (found < 0)
        return 1;
    if (found == 0) {
        printf("no active account named %s\n", argv[2]);
        return 1;
    }
    return 0;
}
