// Parsed entries are kept in a vector of raw pointers; an entry that
// fails to parse is deleted before it is skipped.
#include <iostream>
#include <string>
#include <vector>

struct Entry {
    std::string text;
};

static bool parse(const std::string &line, Entry &e) {
    if (line.empty())
        return false;
    e.text = line;
    return true;
}

int main() {
    std::vector<Entry *> entries;
    std::string line;
    while (std::getline(std::cin, line)) {
        Entry *e = new Entry;
        if (!parse(line, *e)) {
            delete e;
            continue;
        }
        entries.push_back(e);
    }
    for (Entry *e : entries) {
        std::cout << e->text << "\n";
        delete e;
    }
    return 0;
}
