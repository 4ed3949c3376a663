// A reader over a byte blob that hands out chunks at a position: the
// position is checked together with the chunk length.
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <iostream>

class ChunkReader {
public:
    ChunkReader(const unsigned char *data, std::size_t size) : data_(data), size_(size) {}

    bool chunk(std::size_t pos, unsigned char *out, std::size_t want)
    {
        const unsigned char *base = data_;
        if (pos > size_ || want > size_ - pos)
            return false;
        std::memcpy(out, base + pos, want);
        return true;
    }

private:
    const unsigned char *data_;
    std::size_t size_;
};

int main()
{
    unsigned char blob[128];
    std::size_t got = std::fread(blob, 1, sizeof blob, stdin);
    ChunkReader r(blob, got);
    unsigned char out[16];
    std::size_t pos = 0;
    while (std::cin >> pos) {
        if (r.chunk(pos, out, sizeof out))
            std::cout << static_cast<int>(out[0]) << '\n';
    }
    return 0;
}
