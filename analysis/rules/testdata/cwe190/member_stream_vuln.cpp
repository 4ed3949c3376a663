// Reads a grid's row and column counts from standard input through a
// reader that keeps the stream as a member, and prints how many cells
// the grid has; the counts are multiplied before any check.
#include <iostream>

class GridReader {
public:
    explicit GridReader(std::istream &in) : in_(in) {}

    bool read(int &rows, int &cols)
    {
        return static_cast<bool>(in_ >> rows >> cols);
    }

private:
    std::istream &in_;
};

static int cells(int rows, int cols);

int main()
{
    GridReader reader(std::cin);
    int rows, cols;
    if (!reader.read(rows, cols))
        return 1;
    std::cout << cells(rows, cols) << "\n";
    return 0;
}

static int cells(int rows, int cols)
{
    return rows * cols; // want CWE-190
}
