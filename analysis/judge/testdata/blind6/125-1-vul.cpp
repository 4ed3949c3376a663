// Lists the chunks of a CHK1 container file with their sizes and checksums, and prints TEXT chunks.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

struct Chunk {
    std::string type;
    const std::uint8_t *data = nullptr;
    std::uint32_t length = 0;
};

static std::uint32_t read_be32(const std::uint8_t *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) |
           (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

static std::uint16_t fletcher16(const std::uint8_t *data, std::size_t n)
{
    std::uint32_t a = 0, b = 0;
    for (std::size_t i = 0; i < n; ++i) {
        a = (a + data[i]) % 255;
        b = (b + a) % 255;
    }
    return static_cast<std::uint16_t>((b << 8) | a);
}

class ChunkReader {
public:
    explicit ChunkReader(const std::vector<std::uint8_t> &buf) : buf_(buf), pos_(4) {}

    bool valid_magic() const
    {
        return buf_.size() >= 4 && buf_[0] == 'C' && buf_[1] == 'H' && buf_[2] == 'K' && buf_[3] == '1';
    }

    bool next(Chunk &out)
    {
        if (truncated_ || buf_.size() - pos_ < 8)
            return false;
        const std::uint8_t *p = buf_.data() + pos_;
        std::uint32_t len = read_be32(p + 4);
        if (len > buf_.size() - pos_) {
            truncated_ = true;
            return false;
        }
        out.type.assign(reinterpret_cast<const char *>(p), 4);
        out.data = p + 8;
        out.length = len;
        pos_ += 8 + static_cast<std::size_t>(len);
        return true;
    }

    bool truncated() const { return truncated_ || pos_ != buf_.size(); }

private:
    const std::vector<std::uint8_t> &buf_;
    std::size_t pos_;
    bool truncated_ = false;
};

static bool load_file(const std::string &path, std::vector<std::uint8_t> &buf)
{
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec || size > (1u << 24))
        return false;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    buf.resize(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char *>(buf.data()), static_cast<std::streamsize>(buf.size()));
    return static_cast<std::size_t>(in.gcount()) == buf.size();
}

static void print_text(const Chunk &c)
{
    std::string text;
    for (std::uint32_t i = 0; i < c.length; ++i) {
        char ch = static_cast<char>(c.data[i]);
        text += (ch >= 0x20 && ch < 0x7f) || ch == '\n' ? ch : '?';
    }
    std::cout << "    \"" << text << "\"\n";
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " file.chk\n";
        return 2;
    }
    std::vector<std::uint8_t> buf;
    if (!load_file(argv[1], buf)) {
        std::cerr << "cannot read " << argv[1] << "\n";
        return 1;
    }
    ChunkReader reader(buf);
    if (!reader.valid_magic()) {
        std::cerr << "not a CHK1 file\n";
        return 1;
    }
    Chunk c;
    int count = 0;
    while (reader.next(c)) {
        ++count;
        std::printf("%-4s %8u bytes  sum %04x\n", c.type.c_str(), c.length,
                    fletcher16(c.data, c.length));
        if (c.type == "TEXT")
            print_text(c);
    }
    if (reader.truncated())
        std::cerr << "warning: trailing or truncated data after chunk " << count << "\n";
    return 0;
}
