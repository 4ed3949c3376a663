// Reads a tab-separated access log named on the command line and writes an HTML traffic report to stdout.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

struct LogEntry {
    std::string client;
    int status = 0;
    std::string method;
    std::string path;
};

static bool parse_line(const std::string &line, LogEntry &entry)
{
    std::istringstream ss(line);
    std::string status;
    if (!std::getline(ss, entry.client, '\t')) return false;
    if (!std::getline(ss, status, '\t')) return false;
    if (!std::getline(ss, entry.method, '\t')) return false;
    if (!std::getline(ss, entry.path)) return false;
    if (status.size() != 3 || status.find_first_not_of("0123456789") != std::string::npos)
        return false;
    entry.status = std::stoi(status);
    return !entry.path.empty() && entry.path[0] == '/';
}

static std::string escape_html(const std::string &s)
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

// Percent-encodes a request path so it can be used as a link target.
static std::string encode_path(const std::string &path)
{
    std::string out;
    char buf[4];
    for (unsigned char c : path) {
        if (c <= 0x20 || c >= 0x7f || c == '%' || c == '<' || c == '>') {
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

class TrafficReport {
public:
    void add(const LogEntry &e)
    {
        ++hits_[e.path];
        ++statuses_[e.status];
        ++total_;
    }

    void write(std::ostream &out, std::size_t top_n) const
    {
        std::vector<std::pair<std::string, unsigned>> ranked(hits_.begin(), hits_.end());
        std::sort(ranked.begin(), ranked.end(),
                  [](const auto &a, const auto &b) { return a.second > b.second; });
        if (ranked.size() > top_n) ranked.resize(top_n);

        out << "<!DOCTYPE html>\n<html><head><title>Traffic report</title></head><body>\n";
        out << "<h1>Traffic report</h1>\n<p>" << total_ << " requests</p>\n";
        out << "<table>\n<tr><th>Path</th><th>Hits</th></tr>\n";
        for (const auto &row : ranked) {
            out << "<tr><td><a href=\"" << encode_path(row.first) << "\">"
                << escape_html(row.first) << "</a></td><td>" << row.second << "</td></tr>\n";
        }
        out << "</table>\n<h2>Status codes</h2>\n<ul>\n";
        for (const auto &s : statuses_) out << "<li>" << s.first << ": " << s.second << "</li>\n";
        out << "</ul>\n</body></html>\n";
    }

private:
    std::map<std::string, unsigned> hits_;
    std::map<int, unsigned> statuses_;
    unsigned long total_ = 0;
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " ACCESS_LOG [TOP_N]\n";
        return 2;
    }
    std::size_t top_n = 20;
    if (argc > 2) {
        try {
            int n = std::stoi(argv[2]);
            if (n > 0 && n <= 1000) top_n = static_cast<std::size_t>(n);
        } catch (const std::exception &) {
            std::cerr << "ignoring invalid TOP_N\n";
        }
    }

    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    TrafficReport report;
    std::string line;
    unsigned long bad = 0;
    while (std::getline(in, line)) {
        LogEntry e;
        if (parse_line(line, e))
            report.add(e);
        else
            ++bad;
    }
    if (bad) std::cerr << bad << " malformed lines skipped\n";
    report.write(std::cout, top_n);
    return 0;
}
