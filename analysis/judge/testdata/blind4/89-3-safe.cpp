// Imports tab-separated "player<TAB>points" lines from a file into an sqlite3 high-score database.
#include <sqlite3.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

struct ScoreRow {
    std::string player;
    long points;
};

std::string sql_quote(const std::string &s)
{
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "''";
        else
            out += c;
    }
    out += '\'';
    return out;
}

bool parse_points(const std::string &s, long &out)
{
    if (s.empty())
        return false;
    errno = 0;
    char *end = nullptr;
    long v = std::strtol(s.c_str(), &end, 10);
    if (errno != 0 || *end != '\0' || v < 0 || v > 1000000000L)
        return false;
    out = v;
    return true;
}

bool read_rows(const std::string &path, std::vector<ScoreRow> &rows)
{
    std::ifstream in(path);
    if (!in) {
        std::cerr << "cannot open " << path << "\n";
        return false;
    }
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        auto tab = line.find('\t');
        ScoreRow r;
        if (tab == std::string::npos || tab == 0 || !parse_points(line.substr(tab + 1), r.points)) {
            std::cerr << path << ":" << lineno << ": skipping malformed line\n";
            continue;
        }
        r.player = line.substr(0, tab);
        rows.push_back(r);
    }
    return true;
}

class ScoreDb {
public:
    explicit ScoreDb(const std::string &path)
    {
        if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
            std::cerr << "open: " << (db_ ? sqlite3_errmsg(db_) : "out of memory") << "\n";
            sqlite3_close(db_);
            db_ = nullptr;
        }
    }
    ~ScoreDb() { sqlite3_close(db_); }
    ScoreDb(const ScoreDb &) = delete;
    ScoreDb &operator=(const ScoreDb &) = delete;

    bool ok() const { return db_ != nullptr; }

    bool exec(const std::string &sql)
    {
        char *err = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            std::cerr << "sqlite: " << (err ? err : "unknown error") << "\n";
            sqlite3_free(err);
            return false;
        }
        return true;
    }

    bool import(const std::vector<ScoreRow> &rows)
    {
        std::string batch = "CREATE TABLE IF NOT EXISTS scores(player TEXT NOT NULL, points INTEGER NOT NULL);\n"
                            "BEGIN;\n";
        for (const ScoreRow &r : rows)
            batch += "INSERT INTO scores(player, points) VALUES (" + sql_quote(r.player) + ", " +
                     std::to_string(r.points) + ");\n";
        batch += "COMMIT;\n";
        if (!exec(batch)) {
            exec("ROLLBACK;");
            return false;
        }
        return true;
    }

private:
    sqlite3 *db_ = nullptr;
};

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " DATABASE SCOREFILE\n";
        return 2;
    }
    std::vector<ScoreRow> rows;
    if (!read_rows(argv[2], rows))
        return 1;
    ScoreDb db(argv[1]);
    if (!db.ok() || !db.import(rows))
        return 1;
    std::cout << "imported " << rows.size() << " score(s)\n";
    return 0;
}
