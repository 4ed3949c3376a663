// A plugin manager restores its loaded plugins from a cereal archive the
// user may have been sent; only plugin names are stored, and known ones are made.
#include <cereal/archives/binary.hpp>
#include <cereal/types/string.hpp>
#include <fstream>
#include <memory>
#include <string>

class Plugin {
public:
    virtual ~Plugin() = default;
    virtual void start() = 0;
    template <class Archive> void serialize(Archive &) {}
};

class Echo : public Plugin {
public:
    void start() override {}
    template <class Archive> void serialize(Archive &ar) { ar(cereal::base_class<Plugin>(this)); }
};


int restore(std::istream &in) {
    cereal::BinaryInputArchive ar(in);
    std::string name;
    ar(name);
    if (name != "echo") {
        return 1;
    }
    std::shared_ptr<Plugin> plugin = std::make_shared<Echo>();
    plugin->start();
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        return 1;
    }
    std::ifstream in(argv[1], std::ios::binary);
    return restore(in);
}
