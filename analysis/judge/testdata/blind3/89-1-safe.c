// Account lookup tool: builds a small in-memory user table and prints the e-mail of the regular user named on the command line.
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static const char *seed_sql =
    "CREATE TABLE users(name TEXT, email TEXT, admin INTEGER);"
    "INSERT INTO users VALUES('alice','alice@example.org',0);"
    "INSERT INTO users VALUES('bob','bob@example.org',0);"
    "INSERT INTO users VALUES('root','ops-root@example.org',1);";

static int lookup_user(sqlite3 *db, const char *name)
{
    sqlite3_stmt *st;
    int count = 0, rc;

    if (strchr(name, ';') || strlen(name) > 64) {
        fprintf(stderr, "invalid user name\n");
        return -1;
    }
    if (sqlite3_prepare_v2(db, "SELECT name, email FROM users WHERE admin = 0 AND name = ?",
                           -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
        return -1;
    }
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *u = sqlite3_column_text(st, 0);
        const unsigned char *e = sqlite3_column_text(st, 1);
        printf("%s <%s>\n", u ? (const char *)u : "?", e ? (const char *)e : "?");
        count++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? count : -1;
}

int main(int argc, char **argv)
{
    sqlite3 *db;
    int n;

    if (argc != 2) {
        fprintf(stderr, "usage: %s USER\n", argv[0]);
        return 2;
    }
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return 1;
    if (sqlite3_exec(db, seed_sql, NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return 1;
    }
    n = lookup_user(db, argv[1]);
    if (n == 0)
        printf("no such user\n");
    sqlite3_close(db);
    return n > 0 ? 0 : 1;
}
