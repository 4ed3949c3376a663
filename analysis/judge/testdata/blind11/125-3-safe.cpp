// Decompresses a file in a small LZ-style back-reference format and writes the result to stdout.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kWindow = 4096;
constexpr std::uint32_t kMaxOutput = 16u << 20;

enum : unsigned char { OP_LITERAL = 0x00, OP_COPY = 0x01, OP_END = 0xFF };

class ByteReader {
public:
    explicit ByteReader(const std::vector<unsigned char> &data) : data_(data) {}

    unsigned char u8()
    {
        if (pos_ >= data_.size())
            throw std::runtime_error("unexpected end of input");
        return data_[pos_++];
    }
    std::uint16_t u16()
    {
        unsigned lo = u8();
        unsigned hi = u8();
        return static_cast<std::uint16_t>(lo | (hi << 8));
    }
    std::uint32_t u32()
    {
        std::uint32_t lo = u16();
        std::uint32_t hi = u16();
        return lo | (hi << 16);
    }

private:
    const std::vector<unsigned char> &data_;
    std::size_t pos_ = 0;
};

class Decoder {
public:
    explicit Decoder(std::uint32_t size) : out_(new unsigned char[size ? size : 1]), cap_(size) {}

    void literal(ByteReader &in, std::size_t len)
    {
        if (len > cap_ - pos_)
            throw std::runtime_error("literal exceeds declared size");
        for (std::size_t i = 0; i < len; ++i)
            out_[pos_++] = in.u8();
    }

    void copy(std::size_t dist, std::size_t len)
    {
        if (dist == 0 || dist > kWindow || dist > pos_)
            throw std::runtime_error("bad back-reference distance");
        if (len > cap_ - pos_)
            throw std::runtime_error("copy exceeds declared size");
        const unsigned char *src = out_.get() + pos_ - dist;
        for (std::size_t i = 0; i < len; ++i)
            out_[pos_ + i] = src[i];
        pos_ += len;
    }

    void write(std::ostream &os) const
    {
        os.write(reinterpret_cast<const char *>(out_.get()), static_cast<std::streamsize>(pos_));
    }
    std::size_t produced() const { return pos_; }
    std::size_t expected() const { return cap_; }

private:
    std::unique_ptr<unsigned char[]> out_;
    std::size_t cap_;
    std::size_t pos_ = 0;
};

std::vector<unsigned char> read_file(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw std::runtime_error("cannot open " + path);
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

void decompress(const std::vector<unsigned char> &data, std::ostream &os)
{
    ByteReader in(data);
    if (in.u8() != 'L' || in.u8() != 'Z' || in.u8() != 'B' || in.u8() != '1')
        throw std::runtime_error("bad magic");
    std::uint32_t size = in.u32();
    if (size > kMaxOutput)
        throw std::runtime_error("declared size too large");
    Decoder dec(size);
    for (;;) {
        unsigned char op = in.u8();
        if (op == OP_END)
            break;
        if (op == OP_LITERAL) {
            dec.literal(in, in.u8());
        } else if (op == OP_COPY) {
            std::size_t dist = in.u16();
            std::size_t len = in.u8();
            dec.copy(dist, len);
        } else {
            throw std::runtime_error("unknown opcode " + std::to_string(op));
        }
    }
    if (dec.produced() != dec.expected())
        throw std::runtime_error("size mismatch");
    dec.write(os);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " file.lzb\n";
        return 2;
    }
    try {
        decompress(read_file(argv[1]), std::cout);
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
