// The repository class prepares a constant statement and binds the user name.
#include <iostream>
#include <sqlite3.h>
#include <string>

class UserRepo {
public:
    explicit UserRepo(sqlite3 *db) : db_(db) {}
    int count_logins(const std::string &user);

private:
    sqlite3 *db_;
};

int main() {
    sqlite3 *db = nullptr;
    if (sqlite3_open("users.db", &db) != SQLITE_OK) {
        return 2;
    }
    UserRepo repo(db);
    std::string user;
    while (std::getline(std::cin, user)) {
        std::cout << repo.count_logins(user) << "\n";
    }
    sqlite3_close(db);
    return 0;
}

int UserRepo::count_logins(const std::string &user) {
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT count(*) FROM logins WHERE user = ?1", -1, &st, nullptr) != SQLITE_OK) {
        return -1;
    }
    sqlite3_bind_text(st, 1, user.c_str(), -1, SQLITE_TRANSIENT);
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return n;
}
