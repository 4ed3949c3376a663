// A drawing program loads its shapes from a file: each radius is read as
// a plain double, checked, and set on a Circle the program constructs.
#include <fstream>
#include <iostream>
#include <vector>

class Shape {
public:
    virtual ~Shape() = default;
    virtual double area() const = 0;
};

class Circle : public Shape {
public:
    double r = 0;
    double area() const override { return 3.14159 * r * r; }
};

static double total_area(std::istream &in) {
    double total = 0;
    double r = 0;
    while (in.read(reinterpret_cast<char *>(&r), sizeof r)) {
        if (!(r >= 0 && r < 1e6)) {
            break;
        }
        Circle c;
        c.r = r;
        total += c.area();
    }
    return total;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        return 1;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::cout << total_area(in) << "\n";
    return 0;
}
