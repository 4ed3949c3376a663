// A character canvas of the size given on stdin, filled with dots and
// printed; the size is checked as a whole before it is used.
#include <climits>
#include <cstring>
#include <iostream>
#include <memory>

static bool draw(int cols, int rows);

int main()
{
    int cols, rows;
    if (!(std::cin >> cols >> rows))
        return 2;
    return draw(cols, rows) ? 0 : 1;
}

static bool draw(int cols, int rows)
{
    if (cols <= 0 || rows <= 0 || cols > INT_MAX / rows || cols * rows > 1 << 20)
        return false;
    int cells = cols * rows;
    std::unique_ptr<char[]> c(new char[cells]);
    std::memset(c.get(), '.', cells);
    std::cout << std::string(c.get(), c.get() + cells) << '\n';
    return true;
}
