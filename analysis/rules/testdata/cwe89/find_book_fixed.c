// The catalogue search binds the title to a constant statement.
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static int find_book(sqlite3 *db, const char *title);

int main(int argc, char *argv[]) {
    sqlite3 *db;
    char title[200];
    if (argc != 2 || sqlite3_open(argv[1], &db) != SQLITE_OK) {
        return 2;
    }
    while (fgets(title, sizeof title, stdin) != NULL) {
        title[strcspn(title, "\n")] = '\0';
        find_book(db, title);
    }
    sqlite3_close(db);
    return 0;
}

static int find_book(sqlite3 *db, const char *title) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT author FROM books WHERE title = ?1", -1, &st, NULL) != SQLITE_OK) {
        return -1;
    }
    sqlite3_bind_text(st, 1, title, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) {
        puts((const char *)sqlite3_column_text(st, 0));
    }
    return sqlite3_finalize(st);
}
