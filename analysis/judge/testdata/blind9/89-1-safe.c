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

static void print_row(struct account_db *db, sqlite3_stmt *stmt)
{
    const unsigned char *name = sqlite3_column_text(stmt, 0);
    const unsigned char *email = sqlite3_column_text(stmt, 1);
    const unsigned char *role = sqlite3_column_text(stmt, 2);
    printf("%-16s %-32s %s\n", name ? (const char *)name : "", email ? (const char *)email : "",
           role ? (const char *)role : "");
    db->rows_printed++;
}

static int show_user(struct account_db *db, const char *username)
{
    static const char sql[] =
        "SELECT name, email, role FROM accounts WHERE name = ?1 AND active = 1;";
    sqlite3_stmt *stmt = NULL;
    int rc;
    if (sqlite3_prepare_v2(db->handle, sql, -1, &stmt, NULL) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db->handle));
        return -1;
    }
    if (sqlite3_bind_text(stmt, 1, username, -1, SQLITE_TRANSIENT) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db->handle));
        sqlite3_finalize(stmt);
        return -1;
    }
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        print_row(db, stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db->handle));
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
