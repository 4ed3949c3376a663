/* Lists the open orders of one customer, named on the command line, from an SQLite shop database. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

struct order_row {
    long id;
    char item[128];
    double amount;
};

typedef void (*order_fn)(const struct order_row *row, void *ctx);

static void print_order(const struct order_row *row, void *ctx)
{
    int *count = ctx;
    printf("#%ld  %-30s %10.2f\n", row->id, row->item, row->amount);
    (*count)++;
}

static int prepare_order_query(sqlite3 *db, const char *customer, sqlite3_stmt **stmt)
{
    static const char sql[] =
        "SELECT id, item, amount FROM orders "
        "WHERE customer = ?1 AND status = 'open' ORDER BY id";
    int rc = sqlite3_prepare_v2(db, sql, -1, stmt, NULL);
    if (rc != SQLITE_OK)
        return rc;
    return sqlite3_bind_text(*stmt, 1, customer, -1, SQLITE_TRANSIENT);
}

static int for_each_open_order(sqlite3 *db, const char *customer, order_fn fn, void *ctx)
{
    sqlite3_stmt *stmt = NULL;
    int rc = prepare_order_query(db, customer, &stmt);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
        sqlite3_finalize(stmt);
        return rc;
    }
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct order_row row;
        const unsigned char *item = sqlite3_column_text(stmt, 1);
        row.id = (long)sqlite3_column_int64(stmt, 0);
        snprintf(row.item, sizeof row.item, "%s", item ? (const char *)item : "");
        row.amount = sqlite3_column_double(stmt, 2);
        fn(&row, ctx);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s DATABASE CUSTOMER\n", argv[0]);
        return 2;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return 1;
    }
    int count = 0;
    printf("Open orders for %s:\n", argv[2]);
    int rc = for_each_open_order(db, argv[2], print_order, &count);
    if (rc == SQLITE_OK)
        printf("%d order(s)\n", count);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : 1;
}
