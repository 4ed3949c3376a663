// A fixed table of sixteen counters addressed as a block and a slot in
// it, read from the command line.
#include <cstdio>
#include <cstdlib>

class Counters {
    static constexpr int kBlocks = 4;
    static constexpr int kSlots = 4;
    int counts_[kBlocks * kSlots] = {};

public:
    bool bump(int block, int slot)
    {
        if (block < 0 || slot < 0 || block > kBlocks || slot > kSlots)
            return false;
        *(counts_ + block * kSlots + slot) += 1; // want CWE-119 CWE-129 CWE-787
        return true;
    }
    int total() const
    {
        int t = 0;
        for (int i = 0; i < kBlocks * kSlots; i++)
            t += counts_[i];
        return t;
    }
};

int main(int argc, char **argv)
{
    Counters c;
    for (int i = 1; i + 1 < argc; i += 2)
        if (!c.bump(std::atoi(argv[i]), std::atoi(argv[i + 1])))
            std::fprintf(stderr, "no such counter\n");
    std::printf("%d\n", c.total());
    return 0;
}
