// Reads a PAK1 archive from stdin and lists its entries or writes one decoded entry to stdout.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr size_t kHeaderSize = 12;
constexpr size_t kEntrySize = 32;
constexpr uint32_t kMaxEntries = 4096;

struct PakEntry {
    std::string name;
    uint32_t offset;
    uint32_t length;
};

struct Pak {
    unsigned char key = 0;
    std::vector<PakEntry> entries;
    std::vector<unsigned char> data;
};

uint32_t load_u32(const unsigned char *p)
{
    return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
           static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}

std::optional<Pak> parse_pak(const std::vector<unsigned char> &blob)
{
    if (blob.size() < kHeaderSize || std::memcmp(blob.data(), "PAK1", 4) != 0)
        return std::nullopt;
    Pak pak;
    uint32_t count = load_u32(blob.data() + 4);
    pak.key = blob[8];
    if (count > kMaxEntries || (blob.size() - kHeaderSize) / kEntrySize < count)
        return std::nullopt;

    const unsigned char *p = blob.data() + kHeaderSize;
    for (uint32_t i = 0; i < count; ++i, p += kEntrySize) {
        PakEntry e;
        e.name.assign(reinterpret_cast<const char *>(p), strnlen(reinterpret_cast<const char *>(p), 24));
        e.offset = load_u32(p + 24);
        e.length = load_u32(p + 28);
        pak.entries.push_back(e);
    }
    size_t data_start = kHeaderSize + static_cast<size_t>(count) * kEntrySize;
    pak.data.assign(blob.begin() + static_cast<std::ptrdiff_t>(data_start), blob.end());
    return pak;
}

const PakEntry *find_entry(const Pak &pak, const std::string &name)
{
    for (const auto &e : pak.entries)
        if (e.name == name)
            return &e;
    return nullptr;
}

bool entry_in_bounds(const Pak &pak, const PakEntry &e)
{
    return e.offset <= pak.data.size() && e.length <= pak.data.size() - e.offset;
}

bool extract(const Pak &pak, const PakEntry &e, std::FILE *out)
{
    if (!entry_in_bounds(pak, e))
        return false;
    const unsigned char *src = pak.data.data() + e.offset;
    unsigned char chunk[4096];
    size_t fill = 0;
    for (uint32_t i = 0; i < e.length; ++i) {
        chunk[fill++] = src[i] ^ pak.key;
        if (fill == sizeof chunk) {
            if (std::fwrite(chunk, 1, fill, out) != fill)
                return false;
            fill = 0;
        }
    }
    return std::fwrite(chunk, 1, fill, out) == fill;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<unsigned char> blob((std::istreambuf_iterator<char>(std::cin)),
                                    std::istreambuf_iterator<char>());
    auto pak = parse_pak(blob);
    if (!pak) {
        std::cerr << "not a PAK1 archive\n";
        return 1;
    }
    if (argc < 2) {
        for (const auto &e : pak->entries)
            std::cout << e.name << '\t' << e.length << '\n';
        return 0;
    }
    const PakEntry *e = find_entry(*pak, argv[1]);
    if (!e) {
        std::cerr << "no such entry\n";
        return 1;
    }
    if (!extract(*pak, *e, stdout)) {
        std::cerr << "corrupt entry\n";
        return 1;
    }
    return 0;
}
