// Reads a resource bundle on stdin, verifies each entry's checksum and optionally extracts one entry.
#include <cstdint>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace {

constexpr size_t kMaxBundle = 4u << 20;
constexpr size_t kHeaderSize = 8;
constexpr size_t kEntrySize = 28;
constexpr uint32_t kMaxEntries = 1024;

struct Entry {
    std::string name;
    uint32_t offset = 0;
    uint32_t length = 0;
    uint32_t checksum = 0;
};

uint32_t read_u32(const unsigned char *p) {
    return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
           static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}

class Bundle {
public:
    bool load(std::istream &in) {
        std::vector<unsigned char> raw((std::istreambuf_iterator<char>(in)),
                                       std::istreambuf_iterator<char>());
        if (raw.size() < kHeaderSize || raw.size() > kMaxBundle) return false;
        if (std::memcmp(raw.data(), "BNDL", 4) != 0) return false;
        uint32_t count = read_u32(raw.data() + 4);
        if (count > kMaxEntries) return false;
        size_t index_end = kHeaderSize + static_cast<size_t>(count) * kEntrySize;
        if (index_end > raw.size()) return false;
        for (uint32_t i = 0; i < count; ++i) {
            const unsigned char *rec = raw.data() + kHeaderSize + i * kEntrySize;
            Entry e;
            e.name.assign(reinterpret_cast<const char *>(rec), strnlen(reinterpret_cast<const char *>(rec), 16));
            e.offset = read_u32(rec + 16);
            e.length = read_u32(rec + 20);
            e.checksum = read_u32(rec + 24);
            entries_.push_back(e);
        }
        payload_.assign(raw.begin() + static_cast<std::ptrdiff_t>(index_end), raw.end());
        return true;
    }

    bool entry_fits(const Entry &e) const {
        return e.offset + e.length <= payload_.size();
    }

    const unsigned char *entry_data(const Entry &e) const {
        if (!entry_fits(e)) return nullptr;
        return payload_.data() + e.offset;
    }

    const std::vector<Entry> &entries() const { return entries_; }

private:
    std::vector<Entry> entries_;
    std::vector<unsigned char> payload_;
};

uint32_t checksum(const unsigned char *p, uint32_t len) {
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len; ++i) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

}  // namespace

int main(int argc, char **argv) {
    std::ios::sync_with_stdio(false);
    Bundle bundle;
    if (!bundle.load(std::cin)) {
        std::cerr << "invalid bundle\n";
        return 1;
    }
    const char *wanted = argc > 1 ? argv[1] : nullptr;
    int bad = 0;
    for (const Entry &e : bundle.entries()) {
        const unsigned char *data = bundle.entry_data(e);
        if (!data) {
            std::cerr << e.name << ": out of range\n";
            ++bad;
            continue;
        }
        bool ok = checksum(data, e.length) == e.checksum;
        if (!ok) ++bad;
        if (wanted && e.name == wanted && ok) {
            std::cout.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(e.length));
        } else if (!wanted) {
            std::cout << e.name << " " << e.length << " " << (ok ? "ok" : "BAD") << "\n";
        }
    }
    return bad ? 2 : 0;
}
