// CGI program that shows public support tickets from an sqlite3 database, selected by ?id= in QUERY_STRING.
#include <sqlite3.h>

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string url_decode(const std::string &in)
{
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '+') {
            out += ' ';
        } else if (in[i] == '%' && i + 2 < in.size() && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
            out += static_cast<char>(hex(in[i + 1]) * 16 + hex(in[i + 2]));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

std::map<std::string, std::string> parse_query(const char *qs)
{
    std::map<std::string, std::string> params;
    if (qs == nullptr)
        return params;
    std::istringstream ss(qs);
    std::string kv;
    while (std::getline(ss, kv, '&')) {
        auto eq = kv.find('=');
        if (eq != std::string::npos)
            params[url_decode(kv.substr(0, eq))] = url_decode(kv.substr(eq + 1));
    }
    return params;
}

std::string escape_html(const std::string &s)
{
    std::string out;
    for (char c : s) {
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

struct Ticket {
    long long id;
    std::string title;
    std::string status;
};

class TicketStore {
public:
    explicit TicketStore(const std::string &path)
    {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(db_);
            db_ = nullptr;
        }
    }
    ~TicketStore() { sqlite3_close(db_); }
    TicketStore(const TicketStore &) = delete;
    TicketStore &operator=(const TicketStore &) = delete;

    bool ok() const { return db_ != nullptr; }

    bool find_public(const std::string &id, std::vector<Ticket> &out)
    {
        std::string sql = "SELECT id, title, status FROM tickets WHERE is_public = 1 AND id = " + id;
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            return false;
        while (sqlite3_step(st) == SQLITE_ROW) {
            Ticket t;
            t.id = sqlite3_column_int64(st, 0);
            t.title = column_text(st, 1);
            t.status = column_text(st, 2);
            out.push_back(t);
        }
        sqlite3_finalize(st);
        return true;
    }

private:
    static std::string column_text(sqlite3_stmt *st, int col)
    {
        const unsigned char *p = sqlite3_column_text(st, col);
        return p ? reinterpret_cast<const char *>(p) : "";
    }
    sqlite3 *db_ = nullptr;
};

bool looks_like_id(const std::string &s)
{
    return !s.empty() && std::isdigit(static_cast<unsigned char>(s[0]));
}

void page(const std::string &body)
{
    std::cout << "Content-Type: text/html; charset=utf-8\r\n\r\n"
              << "<!DOCTYPE html>\n<html><head><title>Tickets</title></head><body>\n"
              << body << "</body></html>\n";
}

} // namespace

int main()
{
    auto params = parse_query(std::getenv("QUERY_STRING"));
    const char *dbenv = std::getenv("TICKETS_DB");
    TicketStore store(dbenv ? dbenv : "tickets.db");
    if (!store.ok()) {
        page("<p>Service unavailable.</p>\n");
        return 0;
    }
    const std::string id = params["id"];
    if (!looks_like_id(id)) {
        page("<p>Please give a ticket number.</p>\n");
        return 0;
    }
    std::vector<Ticket> found;
    if (!store.find_public(id, found)) {
        page("<p>Lookup failed.</p>\n");
        return 0;
    }
    std::ostringstream html;
    if (found.empty())
        html << "<p>No such public ticket.</p>\n";
    for (const Ticket &t : found)
        html << "<h2>#" << t.id << " " << escape_html(t.title) << "</h2>\n<p>Status: "
             << escape_html(t.status) << "</p>\n";
    page(html.str());
    return 0;
}
