// Unpacks a simple text bundle file (FILE <name> <size> headers followed by raw data) into a destination directory.
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
    explicit BundleReader(const std::string &path) : in_(path, std::ios::binary) {
        if (!in_)
            throw std::runtime_error("cannot open bundle " + path);
    }

    bool next(Entry &e) {
        std::string line;
        while (std::getline(in_, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream hs(line);
            std::string tag, sizestr;
            if (!(hs >> tag >> e.name >> sizestr) || tag != "FILE")
                throw std::runtime_error("bad header: " + line);
            std::size_t used = 0;
            e.size = std::stoull(sizestr, &used);
            if (used != sizestr.size() || e.size > kMaxEntry)
                throw std::runtime_error("bad size: " + sizestr);
            return true;
        }
        return false;
    }

    std::vector<char> read_data(std::uint64_t size) {
        std::vector<char> data(static_cast<std::size_t>(size));
        in_.read(data.data(), static_cast<std::streamsize>(size));
        if (static_cast<std::uint64_t>(in_.gcount()) != size)
            throw std::runtime_error("truncated bundle");
        return data;
    }

private:
    static constexpr std::uint64_t kMaxEntry = 16u * 1024u * 1024u;
    std::ifstream in_;
};

class Extractor {
public:
    explicit Extractor(const fs::path &dest) {
        fs::create_directories(dest);
        base_ = fs::absolute(dest).lexically_normal();
        if (!base_.has_filename())
            base_ = base_.parent_path();
    }

    bool resolve(const std::string &name, fs::path &out) const {
        fs::path target = (base_ / name).lexically_normal();
        const std::string t = target.string();
        const std::string b = base_.string();
        if (t.compare(0, b.size(), b) != 0)
            return false;
        out = target;
        return true;
    }

    void write(const fs::path &target, const std::vector<char> &data) const {
        if (target.has_parent_path())
            fs::create_directories(target.parent_path());
        std::ofstream out(target, std::ios::binary | std::ios::trunc);
        if (!out)
            throw std::runtime_error("cannot write " + target.string());
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
    }

private:
    fs::path base_;
};

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " BUNDLE DESTDIR\n";
        return 2;
    }
    try {
        BundleReader reader(argv[1]);
        Extractor ex(argv[2]);
        Entry e;
        int count = 0;
        while (reader.next(e)) {
            std::vector<char> data = reader.read_data(e.size);
            fs::path target;
            if (!ex.resolve(e.name, target)) {
                std::cerr << "skipping " << e.name << ": outside destination\n";
                continue;
            }
            ex.write(target, data);
            std::cout << "extracted " << target.string() << " (" << data.size() << " bytes)\n";
            ++count;
        }
        std::cout << count << " file(s) extracted\n";
    } catch (const std::exception &ex) {
        std::cerr << "error: " << ex.what() << "\n";
        return 1;
    }
    return 0;
}
