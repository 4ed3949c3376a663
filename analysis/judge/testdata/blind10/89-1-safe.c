/* Command-line tool that looks up a user account in an sqlite3 database and prints its details. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

struct account {
    int id;
    char username[64];
    char email[128];
    char role[32];
};

typedef void (*account_cb)(const struct account *acct, void *ctx);

static void copy_col(sqlite3_stmt *st, int col, char *dst, size_t dstsz)
{
    const unsigned char *txt = sqlite3_column_text(st, col);
    snprintf(dst, dstsz, "%s", txt ? (const char *)txt : "");
}

static int find_accounts(sqlite3 *db, const char *username, account_cb cb, void *ctx)
{
    static const char sql[] =
        "SELECT id, username, email, role FROM accounts "
        "WHERE username = ?1 AND disabled = 0";
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
        return -1;
    }
    if (sqlite3_bind_text(st, 1, username, -1, SQLITE_TRANSIENT) != SQLITE_OK) {
        fprintf(stderr, "bind failed: %s\n", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return -1;
    }
    int count = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct account a;
        a.id = sqlite3_column_int(st, 0);
        copy_col(st, 1, a.username, sizeof a.username);
        copy_col(st, 2, a.email, sizeof a.email);
        copy_col(st, 3, a.role, sizeof a.role);
        cb(&a, ctx);
        count++;
    }
    if (rc != SQLITE_DONE)
        fprintf(stderr, "step failed: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return count;
}

static void print_account(const struct account *a, void *ctx)
{
    FILE *out = ctx;
    fprintf(out, "id:       %d\nusername: %s\nemail:    %s\nrole:     %s\n\n",
            a->id, a->username, a->email, a->role);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s DATABASE USERNAME\n", argv[0]);
        return 2;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return 1;
    }
    int found = find_accounts(db, argv[2], print_account, stdout);
    sqlite3_close(db);
    if (found < 0) return 1;
    if (found == 0) {
        printf("no active account named %s\n", argv[2]);
        return 3;
    }
    return 0;
}
