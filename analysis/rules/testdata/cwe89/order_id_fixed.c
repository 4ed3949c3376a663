// The order id is parsed as a number first: a number carries no SQL.
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    sqlite3 *db;
    char sql[128];
    if (argc != 3 || sqlite3_open(argv[1], &db) != SQLITE_OK) {
        return 2;
    }
    long id = strtol(argv[2], NULL, 10);
    snprintf(sql, sizeof sql, "DELETE FROM orders WHERE id = %ld", id);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return 0;
}
