// The helper doubles every quote of the name as it copies it.
#include <libpq-fe.h>
#include <stdio.h>
#include <string.h>

static void quoted(char *out, size_t n, const char *s) {
    size_t j = 0;
    out[j++] = '\'';
    for (; *s != '\0' && j + 3 < n; s++) {
        if (*s == '\'') {
            out[j++] = '\'';
        }
        out[j++] = *s;
    }
    out[j++] = '\'';
    out[j] = '\0';
}

int main(int argc, char *argv[]) {
    char name[100], sql[300];
    PGconn *conn = PQconnectdb("dbname=shop");
    if (argc != 2 || PQstatus(conn) != CONNECTION_OK) {
        return 2;
    }
    quoted(name, sizeof name, argv[1]);
    snprintf(sql, sizeof sql, "SELECT price FROM items WHERE name = %s", name);
    PGresult *res = PQexec(conn, sql);
    PQclear(res);
    PQfinish(conn);
    return 0;
}
