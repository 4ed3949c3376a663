// Seats the guests of a table and keeps the first names in a roster of
// three, copied in as many as the guest list holds.
#include <algorithm>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

class Table {
    static constexpr std::size_t kSeats = 4;
    std::string seats_[kSeats];
    char caption_[16] = {};

public:
    void seat(const std::vector<std::string> &guests)
    {
        seats_[0] = guests.empty() ? std::string() : guests.front();
    }

    void set_caption(const std::string &text)
    {
        std::strncpy(caption_, text.c_str(), text.size()); // want CWE-119
        caption_[sizeof caption_ - 1] = '\0';
    }

    void print() const
    {
        std::cout << caption_ << '\n';
        for (const std::string &s : seats_)
            std::cout << "  " << s << '\n';
    }

};

// Keeps the first names of a guest list in a fixed roster.
static std::size_t fill_roster(const std::vector<std::string> &guests, std::string *out_first)
{
    std::string roster[3];
    std::copy(guests.begin(), guests.end(), roster); // want CWE-119
    *out_first = roster[0];
    return guests.size();
}

int main()
{
    std::vector<std::string> guests{"Ann", "Bo", "Cy", "Di", "Ed"};
    Table t;
    t.set_caption("Table by the window, north side");
    t.seat(guests);
    t.print();
    std::string first;
    std::cout << fill_roster(guests, &first) << ' ' << first << '\n';
    return 0;
}
