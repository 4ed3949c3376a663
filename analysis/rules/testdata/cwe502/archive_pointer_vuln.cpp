// A document viewer opens documents saved with boost::serialization; the
// document's root shape is stored as a pointer to the base class.
#include <boost/archive/text_iarchive.hpp>
#include <boost/serialization/export.hpp>
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

BOOST_CLASS_EXPORT(Square)

int main(int argc, char **argv) {
    if (argc < 2) {
        return 1;
    }
    std::ifstream in(argv[1]);
    boost::archive::text_iarchive ia(in);
    Shape *root = nullptr;
    ia >> root; // want CWE-502
    root->draw(std::cout);
    delete root;
    return 0;
}
