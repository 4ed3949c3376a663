/* Prints a customer's recent orders from the shop database, optionally filtered by order status. */
#include <errno.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct order_query {
    long customer_id;
    const char *status;     /* NULL means any status */
    int limit;
};

static int parse_customer(const char *s, long *out)
{
    char *end;

    errno = 0;
    *out = strtol(s, &end, 10);
    return (errno == 0 && end != s && *end == '\0' && *out > 0) ? 0 : -1;
}

static PGresult *run_query(PGconn *conn, const struct order_query *q)
{
    char id[24], limit[16];
    const char *params[3] = { id, limit, q->status };
    const char *sql = q->status
        ? "SELECT id, placed_at, total_cents, status FROM orders WHERE customer_id = $1"
          " AND status = $3 ORDER BY placed_at DESC LIMIT $2"
        : "SELECT id, placed_at, total_cents, status FROM orders WHERE customer_id = $1"
          " ORDER BY placed_at DESC LIMIT $2";

    snprintf(id, sizeof id, "%ld", q->customer_id);
    snprintf(limit, sizeof limit, "%d", q->limit);
    if (getenv("SHOP_SHOW_SQL"))
        fprintf(stderr, "sql: %s [$1=%s $2=%s $3=%s]\n", sql, id, limit, q->status ? q->status : "-");
    return PQexecParams(conn, sql, q->status ? 3 : 2, NULL, params, NULL, NULL, 0);
}

int main(int argc, char **argv)
{
    struct order_query q = { 0, NULL, 20 };
    const char *dsn = getenv("SHOP_DSN");

    if (argc < 2 || parse_customer(argv[1], &q.customer_id) < 0 || (argc > 2 && strlen(argv[2]) > 32)) {
        fprintf(stderr, "usage: %s CUSTOMER-ID [STATUS]\n", argv[0]);
        return 2;
    }
    if (argc > 2)
        q.status = argv[2];

    PGconn *conn = PQconnectdb(dsn ? dsn : "dbname=shop");
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "connection failed: %s", PQerrorMessage(conn));
        PQfinish(conn);
        return 1;
    }
    PGresult *res = run_query(conn, &q);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        fprintf(stderr, "query failed: %s", PQerrorMessage(conn));
    } else {
        for (int i = 0; i < PQntuples(res); i++)
            printf("%s  %s  %s  %s\n", PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
                   PQgetvalue(res, i, 2), PQgetvalue(res, i, 3));
    }
    PQclear(res);
    PQfinish(conn);
    return 0;
}
