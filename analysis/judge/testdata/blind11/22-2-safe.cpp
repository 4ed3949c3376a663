// Unpacks a simple text-header bundle file into a destination directory.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

struct Entry {
    std::string name;
    std::uint64_t size = 0;
    std::vector<char> data;
};

class BundleReader {
public:
    explicit BundleReader(std::istream &in) : in_(in) {}

    bool next(Entry &e)
    {
        std::string line;
        if (!std::getline(in_, line))
            return false;
        std::istringstream hdr(line);
        std::string tag;
        if (!(hdr >> tag >> e.size) || tag != "FILE")
            throw std::runtime_error("bad header: " + line);
        hdr >> std::ws;
        if (!std::getline(hdr, e.name) || e.name.empty())
            throw std::runtime_error("missing name in header");
        if (e.size > kMaxEntry)
            throw std::runtime_error("entry too large: " + e.name);
        e.data.resize(static_cast<size_t>(e.size));
        if (e.size && !in_.read(e.data.data(), static_cast<std::streamsize>(e.size)))
            throw std::runtime_error("truncated entry: " + e.name);
        in_.ignore(1, '\n');
        return true;
    }

private:
    static constexpr std::uint64_t kMaxEntry = 16u * 1024u * 1024u;
    std::istream &in_;
};

static bool entry_path_allowed(const fs::path &rel)
{
    if (rel.empty() || rel.is_absolute() || rel.has_root_name())
        return false;
    for (const auto &part : rel) {
        if (part == "..")
            return false;
    }
    return true;
}

static fs::path target_for(const fs::path &dest, const std::string &name)
{
    fs::path rel(name);
    if (!entry_path_allowed(rel))
        throw std::runtime_error("refusing entry: " + name);
    return dest / rel;
}

static void write_entry(const fs::path &target, const Entry &e)
{
    if (target.has_parent_path())
        fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out)
        throw std::runtime_error("cannot create " + target.string());
    out.write(e.data.data(), static_cast<std::streamsize>(e.data.size()));
    if (!out)
        throw std::runtime_error("write failed for " + target.string());
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " BUNDLE DESTDIR\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    fs::path dest(argv[2]);
    try {
        fs::create_directories(dest);
        BundleReader reader(in);
        Entry e;
        int count = 0;
        while (reader.next(e)) {
            fs::path target = target_for(dest, e.name);
            write_entry(target, e);
            std::cout << "x " << e.name << " (" << e.size << " bytes)\n";
            ++count;
        }
        std::cout << count << " entries extracted\n";
    } catch (const std::exception &ex) {
        std::cerr << "error: " << ex.what() << "\n";
        return 1;
    }
    return 0;
}
