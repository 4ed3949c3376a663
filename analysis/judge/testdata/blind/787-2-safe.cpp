// Route formatter: joins URL path segments read from stdin into a fixed-size route key for a lookup table.
#include <cstddef>
#include <cstring>
#include <iostream>
#include <string>

class RouteKey {
public:
    bool append(const std::string& segment) {
        std::size_t need = segment.size() + 1;  // leading '/'
        if (len_ + need >= sizeof buf_)
            return false;
        buf_[len_++] = '/';
        std::memcpy(buf_ + len_, segment.data(), segment.size());
        len_ += segment.size();
        buf_[len_] = '\0';
        return true;
    }

    void clear() {
        len_ = 0;
        buf_[0] = '\0';
    }

    const char* c_str() const { return len_ ? buf_ : "/"; }

private:
    std::size_t len_ = 0;
    char buf_[64];
};

static void build(RouteKey& key, const std::string& line) {
    std::size_t start = 0;
    while (start < line.size()) {
        std::size_t slash = line.find('/', start);
        std::size_t end = slash == std::string::npos ? line.size() : slash;
        if (end > start && !key.append(line.substr(start, end - start))) {
            std::cerr << "route too long, truncated\n";
            return;
        }
        start = end + 1;
    }
}

int main() {
    std::string line;
    while (std::getline(std::cin, line)) {
        RouteKey key;
        key.clear();
        build(key, line);
        std::cout << "route: " << key.c_str() << "\n";
    }
    return 0;
}
