// Reads shape descriptions from stdin (one per line, e.g. "circle 2" or "rect 3 4") and reports each area and the total.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

class Shape {
public:
    virtual ~Shape() = default;
    virtual double area() const = 0;
    virtual std::string describe() const = 0;
};

class Circle : public Shape {
public:
    explicit Circle(double r) : r_(r) {}
    double area() const override { return M_PI * r_ * r_; }
    std::string describe() const override { return "circle r=" + std::to_string(r_); }

private:
    double r_;
};

class Rect : public Shape {
public:
    Rect(double w, double h) : w_(w), h_(h) {}
    double area() const override { return w_ * h_; }
    std::string describe() const override
    {
        return "rect " + std::to_string(w_) + "x" + std::to_string(h_);
    }

private:
    double w_, h_;
};

class Triangle : public Shape {
public:
    Triangle(double b, double h) : b_(b), h_(h) {}
    double area() const override { return 0.5 * b_ * h_; }
    std::string describe() const override
    {
        return "triangle b=" + std::to_string(b_) + " h=" + std::to_string(h_);
    }

private:
    double b_, h_;
};

static std::unique_ptr<Shape> make_shape(const std::string& line)
{
    std::istringstream in(line);
    std::string kind;
    double a = 0, b = 0;
    if (!(in >> kind >> a) || a < 0)
        return nullptr;
    if (kind == "circle")
        return std::make_unique<Circle>(a);
    if ((kind == "rect" || kind == "triangle") && (in >> b) && b >= 0) {
        if (kind == "rect")
            return std::make_unique<Rect>(a, b);
        return std::make_unique<Triangle>(a, b);
    }
    return nullptr;
}

class Drawing {
public:
    void add(std::unique_ptr<Shape> s) { shapes_.push_back(std::move(s)); }

    void report(std::ostream& out) const
    {
        double total = 0;
        for (const auto& s : shapes_) {
            double a = s->area();
            out << std::setw(40) << std::left << s->describe() << std::fixed
                << std::setprecision(3) << a << "\n";
            total += a;
        }
        out << "total area: " << std::fixed << std::setprecision(3) << total << "\n";
    }

private:
    std::vector<std::unique_ptr<Shape>> shapes_;
};

static void read_drawing(std::istream& in, Drawing& drawing)
{
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#')
            continue;
        drawing.add(make_shape(line));
    }
}

int main()
{
    Drawing drawing;
    read_drawing(std::cin, drawing);
    drawing.report(std::cout);
    return 0;
}
