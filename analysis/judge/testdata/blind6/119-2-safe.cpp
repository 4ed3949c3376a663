// Renders a text-mode picture described by a drawing script file (canvas size, rect and point commands).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

class Canvas {
public:
    Canvas(int width, int height, char bg)
        : width_(width), height_(height),
          cells_(static_cast<size_t>(width) * static_cast<size_t>(height), bg) {}

    void fill_rect(int x, int y, int w, int h, char c)
    {
        if (w <= 0 || h <= 0)
            return;
        if (x < 0) { w += x; x = 0; }
        if (y < 0) { h += y; y = 0; }
        if (x >= width_ || y >= height_)
            return;
        if (w > width_ - x)
            w = width_ - x;
        if (h > height_ - y)
            h = height_ - y;
        if (w <= 0 || h <= 0)
            return;
        char *base = cells_.data();
        for (int row = y; row < y + h; ++row)
            std::memset(base + static_cast<size_t>(row) * width_ + x, c, static_cast<size_t>(w));
    }

    void plot(int x, int y, char c)
    {
        if (x < 0 || y < 0 || x >= width_ || y >= height_)
            return;
        cells_[static_cast<size_t>(y) * width_ + x] = c;
    }

    void print(std::ostream &out) const
    {
        for (int row = 0; row < height_; ++row) {
            out.write(cells_.data() + static_cast<size_t>(row) * width_, width_);
            out.put('\n');
        }
    }

private:
    int width_;
    int height_;
    std::vector<char> cells_;
};

static bool parse_size(const std::string &line, int &w, int &h, char &bg)
{
    std::istringstream in(line);
    std::string kw;
    if (!(in >> kw >> w >> h) || kw != "canvas")
        return false;
    if (!(in >> bg))
        bg = '.';
    return w > 0 && h > 0 && w <= 200 && h <= 200;
}

static bool run_command(Canvas &canvas, const std::string &line)
{
    std::istringstream in(line);
    std::string op;
    if (!(in >> op))
        return true;
    if (op[0] == '#')
        return true;
    if (op == "rect") {
        int x, y, w, h;
        char c;
        if (!(in >> x >> y >> w >> h >> c))
            return false;
        canvas.fill_rect(x, y, w, h, c);
        return true;
    }
    if (op == "point") {
        int x, y;
        char c;
        if (!(in >> x >> y >> c))
            return false;
        canvas.plot(x, y, c);
        return true;
    }
    return false;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " script.txt\n";
        return 2;
    }
    std::ifstream file(argv[1]);
    if (!file) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    std::string line;
    int w = 0, h = 0;
    char bg = '.';
    if (!std::getline(file, line) || !parse_size(line, w, h, bg)) {
        std::cerr << "first line must be: canvas <width> <height> [bg]\n";
        return 1;
    }
    Canvas canvas(w, h, bg);
    int lineno = 1;
    while (std::getline(file, line)) {
        ++lineno;
        if (!run_command(canvas, line))
            std::cerr << "line " << lineno << ": bad command\n";
    }
    canvas.print(std::cout);
    return 0;
}
