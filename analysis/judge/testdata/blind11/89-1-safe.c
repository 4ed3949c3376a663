/* Command-line tool that looks up a user account in an SQLite database and prints its details. */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#define QUERY_MAX 512

struct account {
    const char *name;
    const char *email;
    const char *role;
};

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

static const char *column_or_empty(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? (const char *)t : "";
}

static void print_account(const struct account *a)
{
    printf("user:  %s\nemail: %s\nrole:  %s\n\n", a->name, a->email, a->role);
}

static int prepare_lookup(sqlite3 *db, const char *username, sqlite3_stmt **out)
{
    static const char sql[QUERY_MAX] =
        "SELECT name, email, role FROM accounts WHERE name = ?1 AND active = 1";
    if (sqlite3_prepare_v2(db, sql, -1, out, NULL) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
        return -1;
    }
    if (sqlite3_bind_text(*out, 1, username, -1, SQLITE_TRANSIENT) != SQLITE_OK) {
        fprintf(stderr, "bind failed: %s\n", sqlite3_errmsg(db));
        sqlite3_finalize(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

static int lookup_accounts(sqlite3 *db, const char *username)
{
    sqlite3_stmt *st = NULL;
    int found = 0, rc;

    if (prepare_lookup(db, username, &st) != 0)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct account a;
        a.name = column_or_empty(st, 0);
        a.email = column_or_empty(st, 1);
        a.role = column_or_empty(st, 2);
        print_account(&a);
        found++;
    }
    if (rc != SQLITE_DONE)
        fprintf(stderr, "lookup error: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return found;
}

int main(int argc, char **argv)
{
    sqlite3 *db;
    int found;

    if (argc != 3) {
        fprintf(stderr, "usage: %s DATABASE USERNAME\n", argv[0]);
        return 2;
    }
    if (strlen(argv[2]) == 0 || strlen(argv[2]) > 64) {
        fprintf(stderr, "invalid user name length\n");
        return 2;
    }
    db = open_accounts(argv[1]);
    if (!db)
        return 1;
    found = lookup_accounts(db, argv[2]);
    sqlite3_close(db);
    if (found == 0)
        printf("no active user named %s\n", argv[2]);
    return found > 0 ? 0 : 1;
}
