// Fragment reassembler: reads "offset text" fragments from stdin into a bounded message buffer and prints the message.
#include <cstring>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

class Reassembler {
public:
    static constexpr size_t kCap = 128;

    bool add(size_t offset, const std::string& data) {
        if (offset > kCap || data.size() > kCap)
            return false;
        std::memcpy(buf_ + offset, data.data(), data.size());
        if (offset + data.size() > used_)
            used_ = offset + data.size();
        ++fragments_;
        return true;
    }

    std::string message() const {
        return std::string(reinterpret_cast<const char*>(buf_), used_);
    }
    size_t fragments() const { return fragments_; }

private:
    size_t used_ = 0;
    size_t fragments_ = 0;
    unsigned char buf_[kCap] = {};
};

int main() {
    auto r = std::make_unique<Reassembler>();
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        size_t offset;
        std::string data;
        if (!(in >> offset >> data)) {
            std::cerr << "skipping malformed fragment\n";
            continue;
        }
        if (!r->add(offset, data))
            std::cerr << "fragment at " << offset << " rejected\n";
    }
    std::string msg = r->message();
    for (char& c : msg)
        if (c == '\0')
            c = '.';
    std::cout << r->fragments() << " fragments: " << msg << "\n";
    return 0;
}
