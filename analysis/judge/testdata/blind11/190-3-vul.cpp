// Reads a plain-text PGM (P2) image on stdin and writes its negative as P2 on stdout.
#include <cstdint>
#include <iostream>
#include <limits>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

constexpr int kMaxPixels = 1 << 24;

struct GrayImage {
    int width = 0;
    int height = 0;
    int maxval = 0;
    std::unique_ptr<uint16_t[]> pixels;
};

class PgmReader {
public:
    explicit PgmReader(std::istream &in) : in_(in) {}

    GrayImage read() {
        if (nextToken() != "P2")
            throw std::runtime_error("not a P2 image");
        GrayImage img;
        img.width = nextInt();
        img.height = nextInt();
        img.maxval = nextInt();
        if (img.maxval <= 0 || img.maxval > 65535)
            throw std::runtime_error("bad maxval");
        int count = pixelCount(img.width, img.height);
        img.pixels.reset(new uint16_t[count]);
        uint16_t *row = img.pixels.get();
        for (int y = 0; y < img.height; ++y, row += img.width) {
            for (int x = 0; x < img.width; ++x) {
                int v = nextInt();
                if (v < 0 || v > img.maxval)
                    throw std::runtime_error("sample out of range");
                row[x] = static_cast<uint16_t>(v);
            }
        }
        return img;
    }

private:
    static int pixelCount(int w, int h) {
        if (w <= 0 || h <= 0)
            throw std::runtime_error("bad dimensions");
        int n = w * h;
        if (n > kMaxPixels)
            throw std::runtime_error("image too large");
        return n;
    }

    std::string nextToken() {
        std::string tok;
        while (in_ >> tok) {
            if (tok[0] != '#')
                return tok;
            in_.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
        }
        throw std::runtime_error("unexpected end of image");
    }

    int nextInt() {
        std::string tok = nextToken();
        std::size_t used = 0;
        int v = std::stoi(tok, &used);
        if (used != tok.size())
            throw std::runtime_error("bad number: " + tok);
        return v;
    }

    std::istream &in_;
};

void writeNegative(const GrayImage &img, std::ostream &out) {
    out << "P2\n" << img.width << " " << img.height << "\n" << img.maxval << "\n";
    const uint16_t *row = img.pixels.get();
    for (int y = 0; y < img.height; ++y, row += img.width) {
        for (int x = 0; x < img.width; ++x)
            out << (x ? " " : "") << (img.maxval - row[x]);
        out << "\n";
    }
}

} // namespace

int main() {
    try {
        PgmReader reader(std::cin);
        GrayImage img = reader.read();
        writeNegative(img, std::cout);
    } catch (const std::exception &e) {
        std::cerr << "pgmneg: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
