/* Directory lookup: prints the e-mail and role of a user from the accounts database. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

struct lookup {
    sqlite3 *db;
    int rows;
};

static int print_row(void *ctx, int ncol, char **vals, char **cols)
{
    struct lookup *lk = ctx;
    for (int i = 0; i < ncol; i++)
        printf("%s=%s%s", cols[i], vals[i] ? vals[i] : "NULL", i + 1 < ncol ? " " : "\n");
    lk->rows++;
    return 0;
}

static int find_user(struct lookup *lk, const char *login)
{
    char sql[512];
    char *err = NULL;
    snprintf(sql, sizeof sql,
             "SELECT login, email, role FROM accounts WHERE login = '%s' AND active = 1;", login);
    if (sqlite3_exec(lk->db, sql, print_row, lk, &err) != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", err);
        sqlite3_free(err);
        return -1;
    }
    return lk->rows;
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
