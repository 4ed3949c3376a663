// A phone book is loaded from its data file straight into a vector of
// entries of plain data, each label a fixed array terminated before use.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

struct Entry {
    std::uint32_t number;
    char label[28];
};

static void print_book(std::istream &in, std::size_t count) {
    std::vector<Entry> entries(count);
    in.read(reinterpret_cast<char *>(entries.data()), static_cast<std::streamsize>(count * sizeof(Entry)));
    for (Entry &e : entries) {
        e.label[sizeof e.label - 1] = '\0';
        std::cout << e.number << " " << e.label << "\n";
    }
}

int main() {
    std::ifstream in("/etc/phonebook.dat", std::ios::binary);
    print_book(in, 16);
    return 0;
}
