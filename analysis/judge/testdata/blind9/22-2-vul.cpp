// Unpacks a simple text-framed bundle file ("FILE <name> <size>" headers followed by data) into a target directory.
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
};

class BundleReader {
public:
    explicit BundleReader(const std::string &path) : in_(path, std::ios::binary)
    {
        if (!in_)
            throw std::runtime_error("cannot open " + path);
    }

    bool next(Entry &e)
    {
        std::string line;
        while (std::getline(in_, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream hdr(line);
            std::string tag;
            if (!(hdr >> tag >> e.name >> e.size) || tag != "FILE")
                throw std::runtime_error("bad header: " + line);
            if (e.size > kMaxEntry)
                throw std::runtime_error("entry too large: " + e.name);
            return true;
        }
        return false;
    }

    std::vector<char> payload(const Entry &e)
    {
        std::vector<char> data(static_cast<std::size_t>(e.size));
        if (!data.empty() && !in_.read(data.data(), static_cast<std::streamsize>(data.size())))
            throw std::runtime_error("truncated entry: " + e.name);
        in_.ignore(1);
        return data;
    }

private:
    static constexpr std::uint64_t kMaxEntry = 16u * 1024u * 1024u;
    std::ifstream in_;
};

static bool acceptable_name(const std::string &name)
{
    if (name.empty())
        return false;
    fs::path p(name);
    if (p.is_absolute() || p.has_root_directory())
        return false;
    if (name.rfind("../", 0) == 0 || name == "..")
        return false;
    return true;
}

static void write_entry(const fs::path &dest, const Entry &e, const std::vector<char> &data)
{
    fs::path target = dest / e.name;
    if (target.has_parent_path())
        fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out)
        throw std::runtime_error("cannot create " + target.string());
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout << "  " << e.name << " (" << data.size() << " bytes)\n";
}

static int unpack(const std::string &bundle, const fs::path &dest)
{
    BundleReader reader(bundle);
    Entry e;
    int count = 0;
    while (reader.next(e)) {
        std::vector<char> data = reader.payload(e);
        if (!acceptable_name(e.name)) {
            std::cerr << "skipping " << e.name << "\n";
            continue;
        }
        write_entry(dest, e, data);
        ++count;
    }
    return count;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " BUNDLE [DESTDIR]\n";
        return 2;
    }
    fs::path dest = argc > 2 ? fs::path(argv[2]) : fs::current_path();
    try {
        fs::create_directories(dest);
        std::cout << "unpacking " << argv[1] << " into " << dest << "\n";
        int n = unpack(argv[1], dest);
        std::cout << n << " file(s) written\n";
    } catch (const std::exception &ex) {
        std::cerr << "error: " << ex.what() << "\n";
        return 1;
    }
    return 0;
}
