/* Command-line tool that lists a customer's orders from an sqlite3 shop database. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct order {
    long id;
    char item[128];
    int quantity;
    double total;
};

typedef void (*order_fn)(const struct order *o, void *ctx);

static void copy_text(char *dst, size_t dstsz, const unsigned char *src)
{
    if (src == NULL) {
        dst[0] = '\0';
        return;
    }
    snprintf(dst, dstsz, "%s", (const char *)src);
}

static int for_each_order(sqlite3 *db, const char *customer, order_fn fn, void *ctx)
{
    const char *sql = "SELECT id, item, quantity, total FROM orders "
                      "WHERE customer = ?1 ORDER BY id";
    if (strlen(customer) > 256) {
        fprintf(stderr, "customer name too long\n");
        return -1;
    }

    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(db));
        return -1;
    }
    if (sqlite3_bind_text(st, 1, customer, -1, SQLITE_TRANSIENT) != SQLITE_OK) {
        fprintf(stderr, "bind: %s\n", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return -1;
    }

    int count = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct order o;
        o.id = (long)sqlite3_column_int64(st, 0);
        copy_text(o.item, sizeof o.item, sqlite3_column_text(st, 1));
        o.quantity = sqlite3_column_int(st, 2);
        o.total = sqlite3_column_double(st, 3);
        fn(&o, ctx);
        count++;
    }
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "step: %s\n", sqlite3_errmsg(db));
        count = -1;
    }
    sqlite3_finalize(st);
    return count;
}

struct summary {
    double sum;
};

static void print_order(const struct order *o, void *ctx)
{
    struct summary *s = ctx;
    printf("#%-6ld %-30s x%-3d %10.2f\n", o->id, o->item, o->quantity, o->total);
    s->sum += o->total;
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

    struct summary s = { 0.0 };
    printf("Orders for %s\n", argv[2]);
    int n = for_each_order(db, argv[2], print_order, &s);
    sqlite3_close(db);
    if (n < 0)
        return 1;
    printf("%d order(s), total %.2f\n", n, s.sum);
    return 0;
}
