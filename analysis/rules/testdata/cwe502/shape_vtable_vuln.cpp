// A drawing program loads its shapes from a file by reading each object's
// bytes back over a Circle, then asks it for its area.
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
    Circle c;
    while (in.read(reinterpret_cast<char *>(&c), sizeof c)) { // want CWE-502
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
