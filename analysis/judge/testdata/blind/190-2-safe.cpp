// Tile canvas: reads "cols rows" and then fill commands from stdin, and prints the resulting character grid.
#include <climits>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>

class Canvas {
public:
    static constexpr int kMaxCells = 1 << 24;
    bool init(int cols, int rows) {
        if (cols <= 0 || rows <= 0 || cols > INT_MAX / rows || cols * rows > kMaxCells)
            return false;
        int cells = cols * rows;
        cells_.reset(new char[cells]);
        std::memset(cells_.get(), '.', cells);
        cols_ = cols;
        rows_ = rows;
        return true;
    }

    void fill(int x, int y, char c) {
        if (x >= 0 && y >= 0 && x < cols_ && y < rows_)
            cells_[static_cast<long>(y) * cols_ + x] = c;
    }

    void print(std::ostream& os) const {
        for (int y = 0; y < rows_; ++y) {
            os.write(cells_.get() + static_cast<long>(y) * cols_, cols_);
            os << '\n';
        }
    }

private:
    std::unique_ptr<char[]> cells_;
    int cols_ = 0;
    int rows_ = 0;
};

int main() {
    int cols, rows;
    if (!(std::cin >> cols >> rows)) {
        std::cerr << "expected: cols rows\n";
        return 2;
    }
    Canvas canvas;
    if (!canvas.init(cols, rows)) {
        std::cerr << "bad canvas size\n";
        return 1;
    }
    int x, y;
    std::string ch;
    while (std::cin >> x >> y >> ch)
        canvas.fill(x, y, ch.empty() ? '#' : ch[0]);
    canvas.print(std::cout);
    return 0;
}
