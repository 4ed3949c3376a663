// 787-1 (C++): a loop up to the count, with the index cast to size_t.
/*
 * Receive a chunk of integers on standard input and keep its values in a
 * second buffer. The first integer of a chunk tells how many values follow.
 */
#include <cstddef>
#include <cstring>
#include <iostream>

constexpr std::size_t CHUNK_INTS = 64;
constexpr std::size_t KEPT_INTS = 16;

int main() {
    int chunk[CHUNK_INTS];
    int kept[KEPT_INTS];

    // read one raw chunk from standard input
    std::cin.read(reinterpret_cast<char *>(chunk), sizeof chunk);
    std::size_t received = static_cast<std::size_t>(std::cin.gcount()) / sizeof(int);
    if (received == 0) {
        return 1;
    }

    // copy the values after chunk[0] into kept; chunk[0] is their number
    for (std::size_t i = 0; i < static_cast<std::size_t>(chunk[0]); ++i) {
        kept[i] = chunk[i + 1]; // want CWE-787
    }
    std::cout << "kept " << chunk[0] << " values\n";
    return 0;
}
