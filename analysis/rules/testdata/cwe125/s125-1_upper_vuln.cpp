// 125-1 (C++): the bound against size() only.
/*
 * Employee badge ids, looked up by their position in the table.
 */
#include <array>
#include <iostream>

constexpr int IDS_SIZE = 6;

static const std::array<int, IDS_SIZE> ids = {1001, 1002, 1003, 1005, 1008, 1013};

/* Returns the id at position index of ids, or -1 when index is out of
 * bounds. index comes from the user. */
int getIdFromArray(int index) {
    // return the id at index, -1 if index is out of bounds
    if (index < static_cast<int>(ids.size())) {
        return ids[index]; // want CWE-125 CWE-119 CWE-129
    }
    return -1;
}

int main() {
    int index;
    std::cout << "index: ";
    if (!(std::cin >> index)) {
        return 1;
    }
    std::cout << getIdFromArray(index) << "\n";
    return 0;
}
