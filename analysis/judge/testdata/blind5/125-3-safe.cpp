// Prints selected columns of a fixed-width record file, using a layout taken from the RECORD_LAYOUT environment variable.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

struct Field {
    std::string name;
    std::size_t offset;
    std::size_t width;
};

struct Record {
    const char *ptr;
    std::size_t len;
};

static std::vector<Field> parse_layout(const std::string &spec) {
    std::vector<Field> fields;
    std::istringstream in(spec);
    std::string item;
    while (std::getline(in, item, ',')) {
        auto c1 = item.find(':');
        auto c2 = c1 == std::string::npos ? c1 : item.find(':', c1 + 1);
        if (c2 == std::string::npos || c1 == 0)
            throw std::invalid_argument("layout entry must be name:offset:width: " + item);
        Field f;
        f.name = item.substr(0, c1);
        f.offset = std::stoul(item.substr(c1 + 1, c2 - c1 - 1));
        f.width = std::stoul(item.substr(c2 + 1));
        if (f.width == 0 || f.width > 1024 || f.offset > 65536)
            throw std::invalid_argument("bad offset or width in: " + item);
        fields.push_back(f);
    }
    if (fields.empty()) throw std::invalid_argument("empty layout");
    return fields;
}

static std::vector<char> load_file(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    auto size = std::filesystem::file_size(path);
    std::vector<char> buf(static_cast<std::size_t>(size));
    if (size > 0 && !in.read(buf.data(), static_cast<std::streamsize>(size)))
        throw std::runtime_error("cannot read " + path.string());
    return buf;
}

static std::vector<Record> split_records(const std::vector<char> &buf) {
    std::vector<Record> recs;
    const char *p = buf.data();
    const char *end = p + buf.size();
    while (p < end) {
        const char *nl = std::find(p, end, '\n');
        std::size_t len = static_cast<std::size_t>(nl - p);
        if (len > 0 && p[len - 1] == '\r') --len;
        if (len > 0) recs.push_back({p, len});
        p = nl == end ? end : nl + 1;
    }
    return recs;
}

static std::string extract(const Record &rec, const Field &f) {
    if (f.offset >= rec.len) return "";
    std::size_t n = std::min(f.width, rec.len - f.offset);
    std::string value(rec.ptr + f.offset, n);
    auto last = value.find_last_not_of(' ');
    value.erase(last == std::string::npos ? 0 : last + 1);
    auto first = value.find_first_not_of(' ');
    return first == std::string::npos ? "" : value.substr(first);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        std::cerr << "usage: RECORD_LAYOUT=name:off:width,... " << argv[0] << " FILE\n";
        return 2;
    }
    const char *spec = std::getenv("RECORD_LAYOUT");
    if (!spec) {
        std::cerr << "RECORD_LAYOUT is not set\n";
        return 2;
    }
    try {
        std::vector<Field> fields = parse_layout(spec);
        std::vector<char> data = load_file(argv[1]);
        std::vector<Record> recs = split_records(data);
        for (std::size_t i = 0; i < fields.size(); ++i)
            std::cout << (i ? "\t" : "") << fields[i].name;
        std::cout << "\n";
        for (const Record &r : recs) {
            for (std::size_t i = 0; i < fields.size(); ++i)
                std::cout << (i ? "\t" : "") << extract(r, fields[i]);
            std::cout << "\n";
        }
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
