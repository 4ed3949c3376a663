// Stores the names read from stdin in an SQLite table. The quoting
// helper writes a quote as \' (MySQL's escape); SQLite ends the literal
// at that quote, so a name such as x'); DROP TABLE t; -- runs.
#include <sqlite3.h>
#include <iostream>
#include <string>

static std::string quoted(const std::string &s)
{
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') {
            out += "\\'";
        } else {
            out += c;
        }
    }
    return out + "'";
}

int main()
{
    sqlite3 *db = nullptr;
    if (sqlite3_open("names.db", &db) != SQLITE_OK) {
        return 1;
    }
    std::string name;
    while (std::getline(std::cin, name)) {
        std::string sql = "INSERT INTO t(name) VALUES (" + quoted(name) + ")";
        sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr); // want CWE-89
    }
    sqlite3_close(db);
    return 0;
}
