// Applies a patch script read from stdin (set/fill/copy/dump commands) to a binary file and writes the result.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

class PatchBuffer {
public:
    explicit PatchBuffer(std::vector<unsigned char> data) : data_(std::move(data)) {}

    bool fill(uint32_t off, uint32_t count, unsigned char value) {
        if (!in_range(off, count))
            return false;
        std::memset(data_.data() + off, value, count);
        return true;
    }

    bool set(uint32_t off, const std::vector<unsigned char> &bytes) {
        uint32_t len = static_cast<uint32_t>(bytes.size());
        if (!in_range(off, len))
            return false;
        std::memcpy(data_.data() + off, bytes.data(), len);
        return true;
    }

    bool copy(uint32_t src, uint32_t dst, uint32_t len) {
        if (!in_range(src, len) || !in_range(dst, len))
            return false;
        std::memmove(data_.data() + dst, data_.data() + src, len);
        return true;
    }

    bool dump(uint32_t off, uint32_t len, std::ostream &out) const {
        if (!in_range(off, len))
            return false;
        char hex[4];
        for (uint32_t i = 0; i < len; ++i) {
            std::snprintf(hex, sizeof hex, "%02x", data_.data()[off + i]);
            out << hex << ((i % 16 == 15) ? '\n' : ' ');
        }
        out << '\n';
        return true;
    }

    const std::vector<unsigned char> &bytes() const { return data_; }

private:
    bool in_range(uint32_t off, uint32_t len) const {
        return off + len <= data_.size();
    }

    std::vector<unsigned char> data_;
};

static bool parse_u32(const std::string &tok, uint32_t &out) {
    if (tok.empty() || tok.size() > 10)
        return false;
    unsigned long long v = 0;
    size_t used = 0;
    try {
        v = std::stoull(tok, &used, 0);
    } catch (const std::exception &) {
        return false;
    }
    if (used != tok.size() || v > 0xffffffffULL)
        return false;
    out = static_cast<uint32_t>(v);
    return true;
}

static bool parse_hex_bytes(const std::string &hex, std::vector<unsigned char> &out) {
    if (hex.empty() || hex.size() % 2 != 0)
        return false;
    for (size_t i = 0; i < hex.size(); i += 2) {
        uint32_t b;
        if (!parse_u32("0x" + hex.substr(i, 2), b))
            return false;
        out.push_back(static_cast<unsigned char>(b));
    }
    return true;
}

static bool run_command(PatchBuffer &buf, const std::string &line) {
    std::istringstream in(line);
    std::string cmd, a, b, c;
    in >> cmd >> a >> b >> c;
    uint32_t x, y, z;
    if (cmd == "fill")
        return parse_u32(a, x) && parse_u32(b, y) && parse_u32(c, z) && z <= 0xff &&
               buf.fill(x, y, static_cast<unsigned char>(z));
    if (cmd == "set") {
        std::vector<unsigned char> bytes;
        return parse_u32(a, x) && parse_hex_bytes(b, bytes) && buf.set(x, bytes);
    }
    if (cmd == "copy")
        return parse_u32(a, x) && parse_u32(b, y) && parse_u32(c, z) && buf.copy(x, y, z);
    if (cmd == "dump")
        return parse_u32(a, x) && parse_u32(b, y) && buf.dump(x, y, std::cout);
    return false;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " INPUT OUTPUT < script\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.empty()) {
        std::cerr << argv[1] << ": empty file, nothing to patch\n";
        return 1;
    }
    PatchBuffer buf(std::move(data));

    std::string line;
    int lineno = 0, failed = 0;
    while (std::getline(std::cin, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#')
            continue;
        if (!run_command(buf, line)) {
            std::cerr << "line " << lineno << ": rejected: " << line << "\n";
            ++failed;
        }
    }
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(buf.bytes().data()), static_cast<std::streamsize>(buf.bytes().size()));
    if (!out) {
        std::cerr << "cannot write " << argv[2] << "\n";
        return 1;
    }
    return failed ? 1 : 0;
}
