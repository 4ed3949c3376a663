// Lists the symbols stored in a small binary symbol-table file given on the command line.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

struct Symbol {
    std::uint32_t name_off;
    std::uint32_t value;
};

static std::uint32_t read_le32(const std::vector<unsigned char> &buf, std::size_t at)
{
    return static_cast<std::uint32_t>(buf.at(at)) |
           static_cast<std::uint32_t>(buf.at(at + 1)) << 8 |
           static_cast<std::uint32_t>(buf.at(at + 2)) << 16 |
           static_cast<std::uint32_t>(buf.at(at + 3)) << 24;
}

class SymbolFile {
public:
    bool load(const std::string &path)
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            error_ = "cannot open " + path;
            return false;
        }
        std::vector<unsigned char> raw((std::istreambuf_iterator<char>(in)),
                                       std::istreambuf_iterator<char>());
        if (raw.size() < 12 || std::memcmp(raw.data(), "SYMT", 4) != 0) {
            error_ = "not a symbol table";
            return false;
        }
        std::uint64_t count = read_le32(raw, 4);
        std::uint64_t strsz = read_le32(raw, 8);
        if (count > 65536 || 12 + count * 8 + strsz > raw.size()) {
            error_ = "header sizes exceed file size";
            return false;
        }
        for (std::size_t i = 0; i < count; ++i) {
            std::size_t at = 12 + i * 8;
            symbols_.push_back({read_le32(raw, at), read_le32(raw, at + 4)});
        }
        std::size_t strtab_at = 12 + static_cast<std::size_t>(count) * 8;
        strtab_.assign(raw.begin() + static_cast<std::ptrdiff_t>(strtab_at),
                       raw.begin() + static_cast<std::ptrdiff_t>(strtab_at + strsz));
        strtab_.shrink_to_fit();
        return true;
    }

    std::string name_at(std::uint32_t off) const
    {
        if (off >= strtab_.size())
            return "<bad offset>";
        const char *begin = strtab_.data() + off;
        const void *end = std::memchr(begin, '\0', strtab_.size() - off);
        if (!end)
            return "<unterminated name>";
        return std::string(begin, static_cast<const char *>(end));
    }

    const std::vector<Symbol> &symbols() const { return symbols_; }
    const std::string &error() const { return error_; }

private:
    std::vector<Symbol> symbols_;
    std::vector<char> strtab_;
    std::string error_;
};

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " FILE.sym\n";
        return 2;
    }
    SymbolFile sf;
    if (!sf.load(argv[1])) {
        std::cerr << sf.error() << '\n';
        return 1;
    }
    for (const Symbol &s : sf.symbols()) {
        std::cout << std::hex << std::setw(8) << std::setfill('0') << s.value
                  << std::dec << "  " << sf.name_at(s.name_off) << '\n';
    }
    return 0;
}
