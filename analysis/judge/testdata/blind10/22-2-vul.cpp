// Extracts the files stored in a simple text bundle archive into a destination directory.
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
    std::vector<char> data;
};

class BundleReader {
public:
    explicit BundleReader(std::istream &in) : in_(in) {}

    bool next(Entry &e)
    {
        std::string line;
        while (std::getline(in_, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream hdr(line);
            std::string tag;
            unsigned long long size = 0;
            hdr >> tag >> e.name >> size;
            if (!hdr || tag != "FILE")
                throw std::runtime_error("malformed header: " + line);
            if (size > kMaxEntry)
                throw std::runtime_error("entry too large: " + e.name);
            e.data.assign(static_cast<size_t>(size), '\0');
            if (size > 0 && !in_.read(e.data.data(), static_cast<std::streamsize>(size)))
                throw std::runtime_error("truncated entry: " + e.name);
            in_.ignore(1);
            return true;
        }
        return false;
    }

private:
    static constexpr unsigned long long kMaxEntry = 16ull * 1024 * 1024;
    std::istream &in_;
};

class Extractor {
public:
    explicit Extractor(fs::path dest) : dest_(std::move(dest)) {}

    bool write_entry(const Entry &e)
    {
        fs::path target;
        if (!resolve(e.name, target)) {
            std::cerr << "skipping " << e.name << ": bad name\n";
            return false;
        }
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec) {
            std::cerr << "cannot create directory for " << e.name << ": " << ec.message() << "\n";
            return false;
        }
        std::ofstream out(target, std::ios::binary | std::ios::trunc);
        if (!out) {
            std::cerr << "cannot open " << target << "\n";
            return false;
        }
        out.write(e.data.data(), static_cast<std::streamsize>(e.data.size()));
        std::cout << "  " << e.name << " (" << e.data.size() << " bytes)\n";
        return static_cast<bool>(out);
    }

private:
    bool resolve(const std::string &name, fs::path &out) const
    {
        fs::path rel(name);
        if (name.empty() || rel.is_absolute())
            return false;
        if (name.rfind("../", 0) == 0 || name == "..")
            return false;
        out = dest_ / rel;
        return true;
    }

    fs::path dest_;
};

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
    std::error_code ec;
    fs::create_directories(argv[2], ec);
    if (ec) {
        std::cerr << "cannot create " << argv[2] << ": " << ec.message() << "\n";
        return 1;
    }

    BundleReader reader(in);
    Extractor ex(argv[2]);
    Entry e;
    int count = 0, failed = 0;
    try {
        while (reader.next(e)) {
            if (ex.write_entry(e))
                ++count;
            else
                ++failed;
        }
    } catch (const std::exception &err) {
        std::cerr << "error: " << err.what() << "\n";
        return 1;
    }
    std::cout << count << " files extracted, " << failed << " skipped\n";
    return failed ? 1 : 0;
}
