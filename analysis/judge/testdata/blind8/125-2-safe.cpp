// Decodes a list of DNS wire-format domain names read from stdin and prints them in dotted form.
#include <cstdint>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

constexpr size_t kMaxLabel = 63;
constexpr size_t kMaxName = 255;

class NameReader {
public:
    explicit NameReader(std::vector<unsigned char> data) : data_(std::move(data)) {}

    bool at_end() const { return pos_ >= data_.size(); }
    size_t position() const { return pos_; }

    std::optional<uint16_t> read_u16()
    {
        if (data_.size() - pos_ < 2)
            return std::nullopt;
        const unsigned char *p = data_.data() + pos_;
        pos_ += 2;
        return static_cast<uint16_t>((p[0] << 8) | p[1]);
    }

    std::optional<std::string> read_name()
    {
        std::string name;
        size_t wire_len = 0;
        for (;;) {
            if (pos_ >= data_.size())
                return std::nullopt;
            const unsigned char *base = data_.data();
            size_t len = base[pos_];
            if (len == 0) {
                pos_ += 1;
                break;
            }
            if (len > kMaxLabel)
                return std::nullopt;
            if (len >= data_.size() - pos_)
                return std::nullopt;
            wire_len += len + 1;
            if (wire_len > kMaxName)
                return std::nullopt;
            std::string label(reinterpret_cast<const char *>(base + pos_ + 1), len);
            pos_ += len + 1;
            if (!name.empty())
                name += '.';
            name += escape_label(label);
        }
        return name.empty() ? std::string(".") : name;
    }

private:
    static std::string escape_label(const std::string &label)
    {
        std::string out;
        for (unsigned char c : label) {
            if (c == '.' || c == '\\') {
                out += '\\';
                out += static_cast<char>(c);
            } else if (c < 0x21 || c > 0x7e) {
                static const char digits[] = "0123456789";
                out += '\\';
                out += digits[c / 100];
                out += digits[(c / 10) % 10];
                out += digits[c % 10];
            } else {
                out += static_cast<char>(c);
            }
        }
        return out;
    }

    std::vector<unsigned char> data_;
    size_t pos_ = 0;
};

std::vector<unsigned char> slurp(std::istream &in)
{
    std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return std::vector<unsigned char>(raw.begin(), raw.end());
}

} // namespace

int main()
{
    std::ios::sync_with_stdio(false);
    NameReader reader(slurp(std::cin));
    auto count = reader.read_u16();
    if (!count) {
        std::cerr << "missing name count\n";
        return 1;
    }
    for (unsigned i = 0; i < *count; ++i) {
        size_t at = reader.position();
        auto name = reader.read_name();
        if (!name) {
            std::cerr << "malformed name at offset " << at << "\n";
            return 1;
        }
        std::cout << *name << "\n";
    }
    if (!reader.at_end())
        std::cerr << "trailing data after " << *count << " names\n";
    return 0;
}
