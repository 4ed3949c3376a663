// Unpacks a bundle file (a "FILE <name> <size>" header line, then the data) into a target directory.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>

namespace fs = std::filesystem;

struct Entry {
    std::string name;
    std::string data;
};

class BundleReader {
public:
    explicit BundleReader(std::istream& in) : in_(in) {}

    bool next(Entry& e)
    {
        std::string line;
        if (!std::getline(in_, line))
            return false;
        if (line.empty())
            return next(e);
        std::istringstream hs(line);
        std::string tag;
        unsigned long size = 0;
        if (!(hs >> tag >> e.name >> size) || tag != "FILE") {
            error_ = "bad header: " + line;
            return false;
        }
        if (size > kMaxEntry) {
            error_ = "entry too large: " + e.name;
            return false;
        }
        e.data.assign(size, '\0');
        if (size > 0 && !in_.read(&e.data[0], static_cast<std::streamsize>(size))) {
            error_ = "truncated entry: " + e.name;
            return false;
        }
        if (in_.peek() == '\n')
            in_.get();
        return true;
    }

    const std::string& error() const { return error_; }

private:
    static constexpr unsigned long kMaxEntry = 16UL * 1024 * 1024;
    std::istream& in_;
    std::string error_;
};

class Extractor {
public:
    explicit Extractor(fs::path root) : root_(std::move(root)) {}

    bool resolve(const std::string& name, fs::path& out) const
    {
        if (name.empty() || name[0] == '/')
            return false;
        if (name == ".." || name.rfind("../", 0) == 0)
            return false;
        out = root_ / name;
        return true;
    }

    bool write(const Entry& e)
    {
        fs::path target;
        if (!resolve(e.name, target)) {
            std::cerr << "skipping entry with invalid name: " << e.name << "\n";
            return false;
        }
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec) {
            std::cerr << "cannot create directory for " << e.name << ": " << ec.message() << "\n";
            return false;
        }
        std::ofstream out(target, std::ios::binary | std::ios::trunc);
        if (!out || !out.write(e.data.data(), static_cast<std::streamsize>(e.data.size()))) {
            std::cerr << "cannot write " << target << "\n";
            return false;
        }
        ++count_;
        return true;
    }

    int count() const { return count_; }

private:
    fs::path root_;
    int count_ = 0;
};

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
    if (ec) {
        std::cerr << "cannot create " << argv[2] << ": " << ec.message() << "\n";
        return 1;
    }
    BundleReader reader(in);
    Extractor ex(argv[2]);
    Entry e;
    while (reader.next(e))
        ex.write(e);
    if (!reader.error().empty()) {
        std::cerr << reader.error() << "\n";
        return 1;
    }
    std::cout << "extracted " << ex.count() << " file(s)\n";
    return 0;
}
