// A catalogue search puts the title read from stdin into the SQL text.
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static int find_book(sqlite3 *db, const char *title);

static int show(void *unused, int n, char **cols, char **names) {
    (void)unused;
    (void)names;
    if (n > 0 && cols[0] != NULL) {
        puts(cols[0]);
    }
    return 0;
}

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
    char query[400];
    snprintf(query, sizeof query, "SELECT author FROM books WHERE title = '%s'", title);
    return sqlite3_exec(db, query, show, NULL, NULL); // want CWE-89
}
