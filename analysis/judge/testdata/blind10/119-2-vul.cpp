// Decodes a run-length encoded ASCII picture from stdin and prints it.
#include <cstring>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

class Canvas {
public:
    Canvas(std::size_t width, std::size_t height)
        : width_(width), height_(height), pixels_(width * height, ' '), pos_(0) {}

    void fill(std::size_t count, char c)
    {
        if (pos_ >= pixels_.size())
            throw std::runtime_error("picture data past end of canvas");
        std::memset(&pixels_[pos_], c, count);
        pos_ += count;
    }

    void skip_to_next_row()
    {
        std::size_t col = pos_ % width_;
        if (col != 0)
            pos_ += width_ - col;
    }

    void print(std::ostream &out) const
    {
        for (std::size_t y = 0; y < height_; ++y) {
            out.write(&pixels_[y * width_], static_cast<std::streamsize>(width_));
            out << '\n';
        }
    }

private:
    std::size_t width_;
    std::size_t height_;
    std::vector<char> pixels_;
    std::size_t pos_;
};

static bool parse_run(const std::string &tok, std::size_t &count, char &c)
{
    std::size_t i = 0;
    count = 0;
    while (i < tok.size() && tok[i] >= '0' && tok[i] <= '9') {
        count = count * 10 + static_cast<std::size_t>(tok[i] - '0');
        if (count > 100000)
            return false;
        ++i;
    }
    if (i == 0 || i + 1 != tok.size())
        return false;
    c = tok[i];
    return true;
}

static bool read_header(std::istream &in, std::size_t &w, std::size_t &h)
{
    std::string line;
    if (!std::getline(in, line))
        return false;
    std::istringstream hs(line);
    long lw = 0, lh = 0;
    if (!(hs >> lw >> lh))
        return false;
    if (lw < 1 || lw > 200 || lh < 1 || lh > 200)
        return false;
    w = static_cast<std::size_t>(lw);
    h = static_cast<std::size_t>(lh);
    return true;
}

static void decode(std::istream &in, Canvas &canvas)
{
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string tok;
        while (ls >> tok) {
            std::size_t count;
            char c;
            if (!parse_run(tok, count, c))
                throw std::runtime_error("bad run '" + tok + "'");
            canvas.fill(count, c);
        }
        canvas.skip_to_next_row();
    }
}

int main()
{
    std::size_t w, h;
    if (!read_header(std::cin, w, h)) {
        std::cerr << "expected 'WIDTH HEIGHT' (1..200) on the first line\n";
        return 1;
    }
    Canvas canvas(w, h);
    try {
        decode(std::cin, canvas);
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    canvas.print(std::cout);
    return 0;
}
