// The tag is added with sqlite3_mprintf and %q, which doubles the quotes.
#include <sqlite3.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    sqlite3 *db;
    const char *tag = getenv("NEW_TAG");
    if (argc != 2 || tag == NULL || sqlite3_open(argv[1], &db) != SQLITE_OK) {
        return 2;
    }
    char *sql = sqlite3_mprintf("INSERT INTO tags(name) VALUES('%q')", tag);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
    sqlite3_close(db);
    return 0;
}
