// A plugin manager restores its loaded plugins from a cereal archive the
// user may have been sent; plugins are stored polymorphically.
#include <cereal/archives/binary.hpp>
#include <cereal/types/memory.hpp>
#include <cereal/types/polymorphic.hpp>
#include <fstream>
#include <memory>

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

CEREAL_REGISTER_TYPE(Echo)

int restore(std::istream &in) {
    cereal::BinaryInputArchive ar(in);
    std::shared_ptr<Plugin> plugin;
    ar(plugin); // want CWE-502
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
