// Prints the stock of a product named on stdin. The name is refused
// when it holds a quote that could end the SQL string, or would start a
// second statement (';') or a comment: the data stays inside the literal.
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static int show_stock(sqlite3 *db, const char *product);
static int print_stock(void *arg, int n, char **vals, char **cols);

int main(void)
{
    char line[96];
    sqlite3 *db;
    if (fgets(line, sizeof line, stdin) == NULL) {
        return 1;
    }
    line[strcspn(line, "\n")] = '\0';
    if (sqlite3_open("stock.db", &db) != SQLITE_OK) {
        return 1;
    }
    int rc = show_stock(db, line);
    sqlite3_close(db);
    return rc == 0 ? 0 : 1;
}

static int name_ok(const char *s)
{
    for (; *s; s++) {
        if (*s == '\'' || *s == ';' || (s[0] == '-' && s[1] == '-')) {
            return 0;
        }
    }
    return 1;
}

static int show_stock(sqlite3 *db, const char *product)
{
    char sql[256];
    if (!name_ok(product)) {
        return -1;
    }
    snprintf(sql, sizeof sql, "SELECT name, qty FROM stock WHERE name = '%s'", product);
    return sqlite3_exec(db, sql, print_stock, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static int print_stock(void *arg, int n, char **vals, char **cols)
{
    (void)arg;
    (void)cols;
    if (n == 2) {
        printf("%s: %s\n", vals[0] ? vals[0] : "", vals[1] ? vals[1] : "0");
    }
    return 0;
}
