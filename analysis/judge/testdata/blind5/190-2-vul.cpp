// Reads a binary PGM (P5) image from standard input and prints its size, mean brightness and a histogram.
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

class GrayImage {
public:
    static constexpr int kMaxPixels = 64 * 1024 * 1024;

    void read_pgm(std::istream &in) {
        std::string magic;
        in >> magic;
        if (magic != "P5") throw std::runtime_error("not a P5 image");
        int w = read_header_int(in);
        int h = read_header_int(in);
        int maxval = read_header_int(in);
        if (maxval < 1 || maxval > 255) throw std::runtime_error("unsupported depth");
        in.get();
        allocate(w, h);
        maxval_ = maxval;
        for (int row = 0; row < height_; ++row) {
            char *dst = reinterpret_cast<char *>(pixels_.data()) + static_cast<size_t>(row) * width_;
            if (!in.read(dst, width_)) throw std::runtime_error("truncated pixel data");
        }
    }

    int width() const { return width_; }
    int height() const { return height_; }
    int maxval() const { return maxval_; }
    const std::vector<uint8_t> &pixels() const { return pixels_; }

private:
    static int read_header_int(std::istream &in) {
        in >> std::ws;
        while (in.peek() == '#') {
            std::string comment;
            std::getline(in, comment);
            in >> std::ws;
        }
        int v = 0;
        if (!(in >> v)) throw std::runtime_error("bad header");
        return v;
    }

    void allocate(int w, int h) {
        if (w <= 0 || h <= 0) throw std::runtime_error("bad dimensions");
        int count = w * h;
        if (count > kMaxPixels) throw std::runtime_error("image too large");
        pixels_.assign(static_cast<size_t>(count), 0);
        width_ = w;
        height_ = h;
    }

    int width_ = 0;
    int height_ = 0;
    int maxval_ = 255;
    std::vector<uint8_t> pixels_;
};

struct Stats {
    double mean = 0.0;
    std::vector<unsigned long> bins = std::vector<unsigned long>(16, 0);
};

static Stats compute_stats(const GrayImage &img) {
    Stats st;
    unsigned long long sum = 0;
    for (uint8_t p : img.pixels()) {
        unsigned v = p > img.maxval() ? static_cast<unsigned>(img.maxval()) : p;
        sum += v;
        st.bins.at(v * 16 / (static_cast<unsigned>(img.maxval()) + 1))++;
    }
    if (!img.pixels().empty()) st.mean = static_cast<double>(sum) / img.pixels().size();
    return st;
}

int main() {
    std::ios::sync_with_stdio(false);
    GrayImage img;
    try {
        img.read_pgm(std::cin);
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    Stats st = compute_stats(img);
    std::cout << img.width() << "x" << img.height() << ", mean " << std::fixed
              << std::setprecision(2) << st.mean << "\n";
    for (size_t i = 0; i < st.bins.size(); ++i)
        std::cout << std::setw(2) << i << ": " << st.bins[i] << "\n";
    return 0;
}
