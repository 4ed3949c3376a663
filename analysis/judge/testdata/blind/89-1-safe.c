/* Directory lookup: prints the e-mail and role of a user from the accounts database. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

struct lookup {
    sqlite3 *db;
    int rows;
};

static void print_row(struct lookup *lk, sqlite3_stmt *st)
{
    int ncol = sqlite3_column_count(st);
    for (int i = 0; i < ncol; i++) {
        const unsigned char *v = sqlite3_column_text(st, i);
        printf("%s=%s%s", sqlite3_column_name(st, i), v ? (const char *)v : "NULL",
               i + 1 < ncol ? " " : "\n");
    }
    lk->rows++;
}

static int find_user(struct lookup *lk, const char *login)
{
    sqlite3_stmt *st = NULL;
    const char *sql = "SELECT login, email, role FROM accounts WHERE login = ?1 AND active = 1;";
    if (sqlite3_prepare_v2(lk->db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(lk->db));
        return -1;
    }
    sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        print_row(lk, st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? lk->rows : -1;
}

int main(int argc, char **argv)
{
    struct lookup lk = { NULL, 0 };
    if (argc != 3) {
        fprintf(stderr, "usage: %s DB LOGIN\n", argv[0]);
        return 2;
    }
    if (sqlite3_open_v2(argv[1], &lk.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    int n = find_user(&lk, argv[2]);
    if (n == 0)
        printf("no such user\n");
    sqlite3_close(lk.db);
    return n < 0;
}
