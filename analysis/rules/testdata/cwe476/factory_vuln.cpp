// A factory returns nullptr for an unknown kind; the results go into a
// vector whose elements are used unchecked, and a dynamic_cast to a
// pointer is used without a test.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

struct Animal {
    virtual ~Animal() = default;
    virtual std::string sound() const = 0;
};
struct Dog : Animal {
    std::string sound() const override { return "woof"; }
    int tricks = 2;
};
struct Cat : Animal {
    std::string sound() const override { return "meow"; }
};

static std::unique_ptr<Animal> make_animal(const std::string &kind) {
    if (kind == "dog")
        return std::make_unique<Dog>();
    if (kind == "cat")
        return std::make_unique<Cat>();
    return nullptr;
}

int main(int argc, char *argv[]) {
    std::vector<std::unique_ptr<Animal>> zoo;
    for (int i = 1; i < argc; i++)
        zoo.emplace_back(make_animal(argv[i]));
    for (const auto &a : zoo)
        std::cout << a->sound() << "\n"; // want CWE-476
    if (!zoo.empty() && zoo[0]) {
        Dog *d = dynamic_cast<Dog *>(zoo[0].get());
        std::cout << d->tricks << "\n"; // want CWE-476
    }
    return 0;
}
