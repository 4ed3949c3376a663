// Converts a raw RGB image file ("RIMG" header, width, height, pixels) into an RGBA file.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr uint32_t kMaxDimension = 65536;

struct ImageHeader {
    uint32_t width = 0;
    uint32_t height = 0;
};

uint32_t readLE32(const unsigned char *p) {
    return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}

bool readHeader(std::istream &in, ImageHeader &hdr) {
    unsigned char raw[12];
    if (!in.read(reinterpret_cast<char *>(raw), sizeof raw))
        return false;
    if (std::string(reinterpret_cast<char *>(raw), 4) != "RIMG")
        return false;
    hdr.width = readLE32(raw + 4);
    hdr.height = readLE32(raw + 8);
    return true;
}

class RgbaImage {
public:
    explicit RgbaImage(const ImageHeader &hdr) : width_(hdr.width), height_(hdr.height) {
        uint32_t bytes = width_ * height_ * 4;
        pixels_.reset(new uint8_t[bytes]);
        size_ = bytes;
    }

    void setRow(uint32_t y, const std::vector<uint8_t> &rgb) {
        size_t base = size_t(y) * width_ * 4;
        for (uint32_t x = 0; x < width_; ++x) {
            uint8_t *px = &pixels_[base + size_t(x) * 4];
            px[0] = rgb[size_t(x) * 3];
            px[1] = rgb[size_t(x) * 3 + 1];
            px[2] = rgb[size_t(x) * 3 + 2];
            px[3] = 0xff;
        }
    }

    bool save(const std::string &path) const {
        std::ofstream out(path, std::ios::binary);
        out << "RGBA " << width_ << ' ' << height_ << '\n';
        out.write(reinterpret_cast<const char *>(pixels_.get()), std::streamsize(size_));
        return bool(out);
    }

private:
    uint32_t width_;
    uint32_t height_;
    size_t size_ = 0;
    std::unique_ptr<uint8_t[]> pixels_;
};

bool validDimensions(const ImageHeader &hdr) {
    if (hdr.width == 0 || hdr.height == 0)
        return false;
    return hdr.width <= kMaxDimension && hdr.height <= kMaxDimension;
}

int convert(const std::string &inPath, const std::string &outPath) {
    std::ifstream in(inPath, std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << inPath << '\n';
        return 1;
    }
    ImageHeader hdr;
    if (!readHeader(in, hdr)) {
        std::cerr << "not an RIMG file\n";
        return 1;
    }
    if (!validDimensions(hdr)) {
        std::cerr << "unsupported image size\n";
        return 1;
    }
    RgbaImage img(hdr);
    std::vector<uint8_t> row(size_t(hdr.width) * 3);
    for (uint32_t y = 0; y < hdr.height; ++y) {
        if (!in.read(reinterpret_cast<char *>(row.data()), std::streamsize(row.size()))) {
            std::cerr << "truncated pixel data at row " << y << '\n';
            return 1;
        }
        img.setRow(y, row);
    }
    if (!img.save(outPath)) {
        std::cerr << "cannot write " << outPath << '\n';
        return 1;
    }
    std::cout << "wrote " << hdr.width << 'x' << hdr.height << " RGBA image to " << outPath << '\n';
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " INPUT.rimg OUTPUT.rgba\n";
        return 2;
    }
    return convert(argv[1], argv[2]);
}
