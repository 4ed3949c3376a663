// Reads a CSV file of player results (name,score,comment) and writes an HTML leaderboard to stdout.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

struct Row {
    std::string name;
    std::string score;
    std::string comment;
};

static std::string escape_html(const std::string &in)
{
    std::string out;
    out.reserve(in.size());
    for (char c : in) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

static bool looks_numeric(const std::string &s)
{
    if (s.empty())
        return false;
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}

static std::string cell(const std::string &value)
{
    if (looks_numeric(value))
        return value;
    return escape_html(value);
}

static std::vector<std::string> split_csv_line(const std::string &line)
{
    std::vector<std::string> fields;
    std::string field;
    std::istringstream ss(line);
    while (std::getline(ss, field, ','))
        fields.push_back(field);
    return fields;
}

static bool load_rows(const std::string &path, std::vector<Row> &rows)
{
    std::ifstream in(path);
    if (!in)
        return false;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        std::vector<std::string> f = split_csv_line(line);
        if (f.size() < 2)
            continue;
        Row r;
        r.name = f[0];
        r.score = f[1];
        r.comment = f.size() > 2 ? f[2] : "";
        rows.push_back(r);
    }
    return true;
}

static void render(const std::vector<Row> &rows, std::ostream &out)
{
    out << "<!DOCTYPE html>\n<html><head><title>Leaderboard</title></head><body>\n";
    out << "<table>\n<tr><th>#</th><th>Player</th><th>Score</th><th>Comment</th></tr>\n";
    int rank = 1;
    for (const Row &r : rows) {
        out << "<tr><td>" << rank++ << "</td><td>" << cell(r.name) << "</td><td>"
            << cell(r.score) << "</td><td>" << cell(r.comment) << "</td></tr>\n";
    }
    out << "</table>\n</body></html>\n";
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " results.csv\n";
        return 2;
    }
    std::vector<Row> rows;
    if (!load_rows(argv[1], rows)) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::strtod(a.score.c_str(), nullptr) > std::strtod(b.score.c_str(), nullptr);
    });
    render(rows, std::cout);
    return 0;
}
