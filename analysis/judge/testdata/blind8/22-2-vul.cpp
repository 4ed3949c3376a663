// Unpacks a simple text bundle file ("FILE <size> <name>" headers followed by data) into an output directory.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

struct Entry {
    std::string name;
    std::vector<char> data;
};

class BundleReader {
public:
    explicit BundleReader(std::istream& in) : in_(in) {}

    bool next(Entry& e)
    {
        std::string line;
        while (std::getline(in_, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream hdr(line);
            std::string tag;
            unsigned long size = 0;
            hdr >> tag >> size;
            std::string name;
            std::getline(hdr >> std::ws, name);
            if (tag != "FILE" || name.empty() || size > kMaxEntry) {
                error_ = "bad header: " + line;
                return false;
            }
            e.name = name;
            e.data.assign(size, '\0');
            if (size > 0 && !in_.read(e.data.data(), static_cast<std::streamsize>(size))) {
                error_ = "truncated entry: " + name;
                return false;
            }
            return true;
        }
        return false;
    }

    const std::string& error() const { return error_; }

private:
    static constexpr unsigned long kMaxEntry = 16ul * 1024 * 1024;
    std::istream& in_;
    std::string error_;
};

static bool entry_name_ok(const std::string& name)
{
    fs::path p(name);
    if (p.is_absolute() || p.has_root_name())
        return false;
    if (name.rfind("../", 0) == 0 || name == "..")
        return false;
    return true;
}

static fs::path target_for(const fs::path& outdir, const std::string& name)
{
    return outdir / fs::path(name);
}

static bool write_entry(const fs::path& outdir, const Entry& e)
{
    if (!entry_name_ok(e.name)) {
        std::cerr << "skipping " << e.name << "\n";
        return false;
    }
    fs::path dst = target_for(outdir, e.name);
    std::error_code ec;
    fs::create_directories(dst.parent_path(), ec);
    std::ofstream out(dst, std::ios::binary | std::ios::trunc);
    if (!out) {
        std::cerr << "cannot create " << dst << "\n";
        return false;
    }
    out.write(e.data.data(), static_cast<std::streamsize>(e.data.size()));
    std::cout << "  " << e.name << " (" << e.data.size() << " bytes)\n";
    return static_cast<bool>(out);
}

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " BUNDLE OUTDIR\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    std::error_code ec;
    fs::create_directories(argv[2], ec);
    fs::path outdir = fs::canonical(argv[2], ec);
    if (ec) {
        std::cerr << "bad output directory " << argv[2] << "\n";
        return 1;
    }
    BundleReader reader(in);
    Entry e;
    int count = 0, failed = 0;
    while (reader.next(e)) {
        if (write_entry(outdir, e))
            ++count;
        else
            ++failed;
    }
    if (!reader.error().empty())
        std::cerr << reader.error() << "\n";
    std::cout << count << " file(s) extracted, " << failed << " skipped\n";
    return failed ? 1 : 0;
}
