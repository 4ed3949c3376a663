// Hands out the address of a counter in a table member. The address is
// counts_ plus an offset: pointer arithmetic on the member array, not an
// integer sum that can wrap. The caller checks the coordinates first.
#include <cstdio>
#include <cstdlib>

class Table {
    int counts_[64] = {};

public:
    static bool valid(int block, int index) { return block >= 0 && block < 8 && index >= 0 && index < 8; }
    int *slot(unsigned char block, unsigned char index) { return counts_ + block * 8 + index; }
};

int main(int argc, char **argv)
{
    Table t;
    if (argc != 3)
        return 2;
    int block = std::atoi(argv[1]), index = std::atoi(argv[2]);
    if (!Table::valid(block, index))
        return 1;
    int *p = t.slot(block, index);
    *p += 1;
    std::printf("%d\n", *p);
    return 0;
}
