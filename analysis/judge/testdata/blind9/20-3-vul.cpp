// CGI program: reads y, m, d from QUERY_STRING and prints the day of the year and weekday as HTML.
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
};

static std::map<std::string, std::string> parse_query(const std::string &qs) {
    std::map<std::string, std::string> out;
    size_t start = 0;
    while (start <= qs.size()) {
        size_t amp = qs.find('&', start);
        if (amp == std::string::npos) amp = qs.size();
        std::string pair = qs.substr(start, amp - start);
        size_t eq = pair.find('=');
        if (eq != std::string::npos) out[pair.substr(0, eq)] = pair.substr(eq + 1);
        start = amp + 1;
    }
    return out;
}

static bool to_int(const std::string &s, int &out) {
    if (s.empty() || s.size() > 6) return false;
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (i == s.size()) return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    out = std::atoi(s.c_str());
    return true;
}

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int n = kDays[m - 1];
    if (m == 2 && is_leap(y)) ++n;
    return n;
}

static bool valid_date(const Date &dt) {
    if (dt.year < 1 || dt.year > 9999) return false;
    if (dt.month > 12) return false;
    if (dt.day < 1 || dt.day > days_in_month(dt.year, dt.month)) return false;
    return true;
}

static int day_of_year(const Date &dt) {
    int n = dt.day;
    for (int m = 1; m < dt.month; ++m) n += days_in_month(dt.year, m);
    return n;
}

static const char *weekday(const Date &dt) {
    static const char *kNames[7] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                    "Thursday", "Friday", "Saturday"};
    static const int kOffs[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = dt.year - (dt.month < 3 ? 1 : 0);
    int w = (y + y / 4 - y / 100 + y / 400 + kOffs[dt.month - 1] + dt.day) % 7;
    return kNames[w];
}

int main() {
    const char *qs = std::getenv("QUERY_STRING");
    auto params = parse_query(qs ? qs : "");
    Date dt;
    bool ok = to_int(params["y"], dt.year) && to_int(params["m"], dt.month) &&
              to_int(params["d"], dt.day) && valid_date(dt);

    std::cout << "Content-Type: text/html\r\n\r\n";
    std::cout << "<html><body>\n";
    if (!ok) {
        std::cout << "<p>Please give a valid date.</p>\n";
    } else {
        std::cout << "<p>" << dt.year << "-" << dt.month << "-" << dt.day << " is day "
                  << day_of_year(dt) << " of the year, a " << weekday(dt) << ".</p>\n";
    }
    std::cout << "</body></html>\n";
    return 0;
}
