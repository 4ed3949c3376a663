// Lists the records of a type-length-value settings file and prints a checksum of each blob.
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

struct Record {
    uint8_t type = 0;
    const uint8_t *data = nullptr;
    size_t len = 0;
};

class TlvParser {
public:
    static constexpr size_t kHeader = 3;
    static constexpr size_t kMaxValue = 4096;

    explicit TlvParser(std::vector<uint8_t> buf) : buf_(std::move(buf)) {}

    bool next(Record &rec)
    {
        if (buf_.size() - pos_ < kHeader)
            return false;
        const uint8_t *p = buf_.data() + pos_;
        size_t len = static_cast<size_t>(p[1]) | (static_cast<size_t>(p[2]) << 8);
        if (len > kMaxValue)
            throw std::runtime_error("record too large");
        if (len > buf_.size() - pos_ - kHeader)
            throw std::runtime_error("record runs past end of file");
        rec.type = p[0];
        rec.data = p + kHeader;
        rec.len = len;
        pos_ += kHeader + len;
        return true;
    }

private:
    std::vector<uint8_t> buf_;
    size_t pos_ = 0;
};

static uint32_t crc32(const uint8_t *data, size_t len)
{
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < len; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static std::vector<uint8_t> load_file(const std::string &path)
{
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    if (!f)
        throw std::runtime_error("cannot open " + path);
    std::streamoff size = f.tellg();
    if (size < 0 || size > (1 << 20))
        throw std::runtime_error("bad file size");
    std::vector<uint8_t> buf(static_cast<size_t>(size));
    f.seekg(0);
    if (!f.read(reinterpret_cast<char *>(buf.data()), size))
        throw std::runtime_error("read failed");
    return buf;
}

static void describe(const Record &rec, std::map<uint8_t, unsigned> &counts)
{
    counts[rec.type]++;
    switch (rec.type) {
    case 1:
        std::cout << "name    : " << std::string(reinterpret_cast<const char *>(rec.data), rec.len) << '\n';
        break;
    case 2:
        if (rec.len == 4) {
            uint32_t v = rec.data[0] | (rec.data[1] << 8) | (rec.data[2] << 16) | (uint32_t(rec.data[3]) << 24);
            std::cout << "version : " << v << '\n';
        } else {
            std::cout << "version : (malformed)\n";
        }
        break;
    default:
        std::cout << "blob " << unsigned(rec.type) << " : " << rec.len << " bytes, crc32 "
                  << std::hex << std::setw(8) << std::setfill('0') << crc32(rec.data, rec.len)
                  << std::dec << std::setfill(' ') << '\n';
        break;
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " settings.tlv\n";
        return 2;
    }
    try {
        TlvParser parser(load_file(argv[1]));
        std::map<uint8_t, unsigned> counts;
        Record rec;
        while (parser.next(rec))
            describe(rec, counts);
        for (const auto &kv : counts)
            std::cout << "type " << unsigned(kv.first) << ": " << kv.second << " record(s)\n";
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
