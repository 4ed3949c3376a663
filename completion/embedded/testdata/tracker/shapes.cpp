#include <iostream>
#include <string>
#include <cstdlib>

namespace shapes {

class Shape {
public:
    explicit Shape(const std::string &name) : name_(name) {}
    virtual ~Shape() {}
    virtual double area() const = 0;
    const std::string &name() const { return name_; }

private:
    std::string name_;
};

class Square : public Shape {
public:
    Square(double side) : Shape("square"), side_(side) {}
    double area() const override { return side_ * side_; }

private:
    double side_;
};

template <typename T>
T largest(T a, T b) {
    return a < b ? b : a;
}

} // namespace shapes

using namespace std;

int main(int argc, char *argv[]) {
    int count = argc > 1 ? std::atoi(argv[1]) : 3;
    shapes::Shape *s = new shapes::Square(2.0);
    std::string label = s->name();
    bool big = s->area() > 3.0;
    for (int i = 0; i < count; ++i) {
        if (big) {
            std::cout << label << " " << i << std::endl;
        } else {
            std::cerr << "small" << std::endl;
        }
    }
    auto best = shapes::largest(count, 10);
    cout << best << endl;
    delete s;
    return 0;
}
