// Decodes a run-length encoded greyscale image file and prints it as ASCII art.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

class ByteReader {
public:
    explicit ByteReader(const std::vector<uint8_t> &data) : data_(data) {}
    uint8_t u8()
    {
        need(1);
        return data_[pos_++];
    }
    uint16_t u16()
    {
        need(2);
        uint16_t v = static_cast<uint16_t>(data_[pos_] | (data_[pos_ + 1] << 8));
        pos_ += 2;
        return v;
    }
    const uint8_t *take(size_t n)
    {
        need(n);
        const uint8_t *p = data_.data() + pos_;
        pos_ += n;
        return p;
    }
    bool done() const { return pos_ >= data_.size(); }

private:
    void need(size_t n) const
    {
        if (data_.size() - pos_ < n)
            throw std::runtime_error("truncated file");
    }
    const std::vector<uint8_t> &data_;
    size_t pos_ = 0;
};

class RleImage {
public:
    void load(const std::vector<uint8_t> &file)
    {
        ByteReader in(file);
        const uint8_t *magic = in.take(4);
        if (std::memcmp(magic, "RLI1", 4) != 0)
            throw std::runtime_error("not an RLI1 image");
        width_ = in.u16();
        height_ = in.u16();
        if (width_ == 0 || height_ == 0)
            throw std::runtime_error("empty image");
        size_t total = static_cast<size_t>(width_) * height_;
        pixels_.reset(new uint8_t[total]());
        size_t pos = 0;
        while (!in.done() && pos < total) {
            uint8_t ctl = in.u8();
            size_t count = static_cast<size_t>(ctl & 0x7f) + 1;
            if (ctl & 0x80) {
                const uint8_t *lit = in.take(count);
                std::memcpy(pixels_.get() + pos, lit, count);
            } else {
                uint8_t value = in.u8();
                if (count > total - pos)
                    throw std::runtime_error("run past end of image");
                std::memset(pixels_.get() + pos, value, count);
            }
            pos += count;
        }
    }

    void print(std::ostream &os) const
    {
        static const char shades[] = " .:-=+*#%@";
        for (unsigned y = 0; y < height_; ++y) {
            std::string line;
            for (unsigned x = 0; x < width_; ++x) {
                uint8_t v = pixels_[static_cast<size_t>(y) * width_ + x];
                line += shades[v * 9 / 255];
            }
            os << line << '\n';
        }
    }

private:
    unsigned width_ = 0;
    unsigned height_ = 0;
    std::unique_ptr<uint8_t[]> pixels_;
};

static std::vector<uint8_t> read_file(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw std::runtime_error("cannot open " + path);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " image.rli\n";
        return 2;
    }
    try {
        RleImage img;
        img.load(read_file(argv[1]));
        img.print(std::cout);
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
