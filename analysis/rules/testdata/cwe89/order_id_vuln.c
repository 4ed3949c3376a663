// An order is looked up by the id on the command line, printed as text.
#include <sqlite3.h>
#include <stdio.h>

int main(int argc, char *argv[]) {
    sqlite3 *db;
    char sql[128];
    if (argc != 3 || sqlite3_open(argv[1], &db) != SQLITE_OK) {
        return 2;
    }
    snprintf(sql, sizeof sql, "DELETE FROM orders WHERE id = %s", argv[2]);
    sqlite3_exec(db, sql, NULL, NULL, NULL); // want CWE-89
    sqlite3_close(db);
    return 0;
}
