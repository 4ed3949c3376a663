// Extracts a simple text-headed bundle file ("F <name> <size>" followed by raw bytes) into an output directory.
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
    explicit BundleReader(const std::string &path) : in_(path, std::ios::binary) {}

    bool ok() const { return static_cast<bool>(in_); }

    bool next(Entry &e)
    {
        std::string line;
        if (!std::getline(in_, line))
            return false;
        std::istringstream hs(line);
        std::string tag;
        if (!(hs >> tag >> e.name >> e.size) || tag != "F")
            throw std::runtime_error("malformed header: " + line);
        if (e.size > kMaxEntry)
            throw std::runtime_error("entry too large: " + e.name);
        return true;
    }

    std::vector<char> read_body(std::uint64_t size)
    {
        std::vector<char> data(static_cast<std::size_t>(size));
        if (size && !in_.read(data.data(), static_cast<std::streamsize>(size)))
            throw std::runtime_error("truncated bundle");
        char nl;
        if (in_.get(nl) && nl != '\n')
            in_.unget();
        return data;
    }

private:
    static constexpr std::uint64_t kMaxEntry = 16u * 1024u * 1024u;
    std::ifstream in_;
};

static fs::path target_for(const fs::path &outdir, const std::string &name)
{
    fs::path rel = fs::path(name).lexically_normal();
    if (rel.empty() || rel.is_absolute() || rel.has_root_name() || rel.has_root_directory())
        throw std::runtime_error("refusing entry name: " + name);
    for (const auto &part : rel) {
        if (part == "..")
            throw std::runtime_error("refusing entry name: " + name);
    }
    if (rel == ".")
        throw std::runtime_error("refusing entry name: " + name);
    return outdir / rel;
}

static void write_entry(const fs::path &target, const std::vector<char> &data)
{
    if (target.has_parent_path())
        fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out)
        throw std::runtime_error("cannot create " + target.string());
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

static int extract(const std::string &bundle, const fs::path &outdir)
{
    BundleReader reader(bundle);
    if (!reader.ok()) {
        std::cerr << "cannot open " << bundle << "\n";
        return 1;
    }
    fs::create_directories(outdir);
    Entry e;
    int count = 0;
    while (reader.next(e)) {
        std::vector<char> data = reader.read_body(e.size);
        fs::path target = target_for(outdir, e.name);
        write_entry(target, data);
        std::cout << "extracted " << e.name << " (" << data.size() << " bytes)\n";
        ++count;
    }
    std::cout << count << " entries\n";
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " BUNDLE OUTDIR\n";
        return 2;
    }
    try {
        return extract(argv[1], argv[2]);
    } catch (const std::exception &ex) {
        std::cerr << "error: " << ex.what() << "\n";
        return 1;
    }
}
