// A factory returns nullptr for an unknown kind; only real animals go
// into the vector, and the dynamic_cast is tested.
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
    for (int i = 1; i < argc; i++) {
        auto a = make_animal(argv[i]);
        if (a)
            zoo.emplace_back(std::move(a));
    }
    for (const auto &a : zoo)
        std::cout << a->sound() << "\n";
    if (!zoo.empty()) {
        Dog *d = dynamic_cast<Dog *>(zoo[0].get());
        if (d != nullptr)
            std::cout << d->tricks << "\n";
    }
    return 0;
}
