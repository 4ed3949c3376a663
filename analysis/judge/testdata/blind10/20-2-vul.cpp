// Applies seat booking requests from a file to a theatre seating plan and prints the plan.
#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int kRows = 8;
constexpr int kCols = 12;

struct SeatRef {
    int row;
    int col;
};

bool parse_seat(const std::string &spec, SeatRef &out)
{
    if (spec.size() < 2 || !std::isalpha(static_cast<unsigned char>(spec[0])))
        return false;
    int num = 0;
    for (size_t i = 1; i < spec.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(spec[i])) || i > 3)
            return false;
        num = num * 10 + (spec[i] - '0');
    }
    out.row = std::toupper(static_cast<unsigned char>(spec[0])) - 'A';
    out.col = num - 1;
    return true;
}

class SeatingPlan {
public:
    SeatingPlan()
    {
        for (auto &r : owner_)
            for (int &c : r)
                c = -1;
    }

    bool book(const SeatRef &s, const std::string &who)
    {
        if (!seat_exists(s))
            return false;
        if (owner_[s.row][s.col] != -1)
            return false;
        names_.push_back(who);
        owner_[s.row][s.col] = static_cast<int>(names_.size() - 1);
        return true;
    }

    bool cancel(const SeatRef &s)
    {
        if (!seat_exists(s) || owner_[s.row][s.col] == -1)
            return false;
        owner_[s.row][s.col] = -1;
        return true;
    }

    void print(std::ostream &os) const
    {
        for (int r = 0; r < kRows; ++r) {
            os << static_cast<char>('A' + r) << ' ';
            for (int c = 0; c < kCols; ++c)
                os << (owner_[r][c] == -1 ? '.' : '#');
            os << '\n';
        }
        for (int r = 0; r < kRows; ++r)
            for (int c = 0; c < kCols; ++c)
                if (owner_[r][c] != -1)
                    os << static_cast<char>('A' + r) << c + 1 << ": " << names_[owner_[r][c]] << '\n';
    }

private:
    static bool seat_exists(const SeatRef &s)
    {
        return s.row < kRows && s.col < kCols;
    }

    int owner_[kRows][kCols];
    std::vector<std::string> names_;
};

void apply_requests(std::istream &in, SeatingPlan &plan)
{
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        std::istringstream ls(line);
        std::string cmd, seat, who;
        if (!(ls >> cmd >> seat) || cmd.empty() || cmd[0] == '#')
            continue;
        SeatRef ref{};
        if (!parse_seat(seat, ref)) {
            std::cerr << "line " << lineno << ": bad seat '" << seat << "'\n";
            continue;
        }
        bool ok = false;
        if (cmd == "book" && (ls >> who))
            ok = plan.book(ref, who);
        else if (cmd == "cancel")
            ok = plan.cancel(ref);
        std::cerr << "line " << lineno << ": " << cmd << ' ' << seat << (ok ? " ok" : " refused") << '\n';
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " requests.txt\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << '\n';
        return 1;
    }
    SeatingPlan plan;
    apply_requests(in, plan);
    plan.print(std::cout);
    return 0;
}
