// A document viewer opens documents saved with boost::serialization; the
// document stores plain values (a kind and a size), and the viewer builds
// the shape it names from its own list of kinds.
#include <boost/archive/text_iarchive.hpp>
#include <fstream>
#include <iostream>

class Shape {
public:
    virtual ~Shape() = default;
    virtual void draw(std::ostream &out) const = 0;
    template <class Archive> void serialize(Archive &, unsigned) {}
};

class Square : public Shape {
public:
    double side = 1;
    void draw(std::ostream &out) const override { out << "square " << side << "\n"; }
    template <class Archive> void serialize(Archive &ar, unsigned) { ar &side; }
};

struct ShapeRecord {
    int kind = 0;
    double size = 0;
    template <class Archive> void serialize(Archive &ar, unsigned) { ar &kind &size; }
};

int main(int argc, char **argv) {
    if (argc < 2) {
        return 1;
    }
    std::ifstream in(argv[1]);
    boost::archive::text_iarchive ia(in);
    ShapeRecord rec;
    ia >> rec;
    if (rec.kind != 0 || !(rec.size > 0 && rec.size < 1e6)) {
        return 1;
    }
    Square sq;
    sq.side = rec.size;
    sq.draw(std::cout);
    return 0;
}
