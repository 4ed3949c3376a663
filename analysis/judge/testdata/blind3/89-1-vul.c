// Account lookup tool: builds a small in-memory user table and prints the e-mail of the regular user named on the command line.
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static const char *seed_sql =
    "CREATE TABLE users(name TEXT, email TEXT, admin INTEGER);"
    "INSERT INTO users VALUES('alice','alice@example.org',0);"
    "INSERT INTO users VALUES('bob','bob@example.org',0);"
    "INSERT INTO users VALUES('root','ops-root@example.org',1);";

static int print_row(void *arg, int ncol, char **vals, char **cols)
{
    int *count = arg;
    (void)cols;
    if (ncol >= 2) {
        printf("%s <%s>\n", vals[0] ? vals[0] : "?", vals[1] ? vals[1] : "?");
        (*count)++;
    }
    return 0;
}

static int lookup_user(sqlite3 *db, const char *name)
{
    char sql[512];
    char *err = NULL;
    int count = 0;

    if (strchr(name, ';') || strlen(name) > 64) {
        fprintf(stderr, "invalid user name\n");
        return -1;
    }
    snprintf(sql, sizeof sql,
             "SELECT name, email FROM users WHERE admin = 0 AND name = '%s'", name);
    if (sqlite3_exec(db, sql, print_row, &count, &err) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", err ? err : "?");
        sqlite3_free(err);
        return -1;
    }
    return count;
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
