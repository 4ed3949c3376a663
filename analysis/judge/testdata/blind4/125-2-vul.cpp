// Lists the entries of an "RPK1" resource pack file with their names, sizes and checksums.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace {

struct Entry {
    std::uint32_t name_off;
    std::uint16_t name_len;
    std::uint16_t flags;
    std::uint32_t data_off;
    std::uint32_t data_len;
};

constexpr std::size_t kHeaderSize = 8;
constexpr std::size_t kEntrySize = 16;

class ResourcePack {
public:
    bool load(const std::string &path)
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << "cannot open " << path << "\n";
            return false;
        }
        bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (bytes_.size() < kHeaderSize || std::memcmp(bytes_.data(), "RPK1", 4) != 0) {
            std::cerr << "not a resource pack\n";
            return false;
        }
        std::uint32_t count = u32(4);
        if (count > (bytes_.size() - kHeaderSize) / kEntrySize) {
            std::cerr << "entry table truncated\n";
            return false;
        }
        for (std::uint32_t i = 0; i < count; ++i) {
            std::size_t at = kHeaderSize + i * kEntrySize;
            Entry e{u32(at), u16(at + 4), u16(at + 6), u32(at + 8), u32(at + 12)};
            entries_.push_back(e);
        }
        return true;
    }

    bool name_of(const Entry &e, std::string &out) const
    {
        std::size_t size = bytes_.size();
        if (e.name_off > size || e.name_len > size)
            return false;
        out.assign(reinterpret_cast<const char *>(bytes_.data()) + e.name_off, e.name_len);
        return true;
    }

    bool checksum_of(const Entry &e, std::uint32_t &sum) const
    {
        std::size_t size = bytes_.size();
        if (e.data_off > size || e.data_len > size - e.data_off)
            return false;
        std::uint32_t a = 1, b = 0;
        const unsigned char *p = bytes_.data() + e.data_off;
        for (std::uint32_t i = 0; i < e.data_len; ++i) {
            a = (a + p[i]) % 65521u;
            b = (b + a) % 65521u;
        }
        sum = (b << 16) | a;
        return true;
    }

    const std::vector<Entry> &entries() const { return entries_; }

private:
    std::uint32_t u32(std::size_t at) const
    {
        return static_cast<std::uint32_t>(bytes_[at]) | static_cast<std::uint32_t>(bytes_[at + 1]) << 8 |
               static_cast<std::uint32_t>(bytes_[at + 2]) << 16 | static_cast<std::uint32_t>(bytes_[at + 3]) << 24;
    }
    std::uint16_t u16(std::size_t at) const
    {
        return static_cast<std::uint16_t>(bytes_[at] | bytes_[at + 1] << 8);
    }

    std::vector<unsigned char> bytes_;
    std::vector<Entry> entries_;
};

std::string printable(const std::string &s)
{
    std::string out;
    for (unsigned char c : s)
        out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " PACK\n";
        return 2;
    }
    ResourcePack pack;
    if (!pack.load(argv[1]))
        return 1;
    int bad = 0;
    for (const Entry &e : pack.entries()) {
        std::string name;
        std::uint32_t sum = 0;
        if (!pack.name_of(e, name) || !pack.checksum_of(e, sum)) {
            std::cerr << "corrupt entry skipped\n";
            ++bad;
            continue;
        }
        std::cout << std::left << std::setw(24) << printable(name) << std::right << std::setw(10) << e.data_len
                  << "  " << std::hex << std::setw(8) << std::setfill('0') << sum << std::dec
                  << std::setfill(' ') << (e.flags & 1 ? "  compressed" : "") << "\n";
    }
    return bad ? 1 : 0;
}
