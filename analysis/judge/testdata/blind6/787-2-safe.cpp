// Reassembles a message from offset-tagged hex fragments listed in a file and prints it.
#include <cstddef>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

class MessageBuffer {
public:
    explicit MessageBuffer(std::size_t size) : data_(size, 0) {}

    bool put(std::size_t offset, const std::vector<unsigned char> &bytes)
    {
        if (offset > data_.size() || bytes.size() > data_.size() - offset)
            return false;
        if (!bytes.empty())
            std::memcpy(data_.data() + offset, bytes.data(), bytes.size());
        received_ += bytes.size();
        return true;
    }

    std::size_t size() const { return data_.size(); }
    std::size_t received() const { return received_; }

    std::string printable() const
    {
        std::string s;
        s.reserve(data_.size());
        for (unsigned char c : data_)
            s.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '.');
        return s;
    }

private:
    std::vector<unsigned char> data_;
    std::size_t received_ = 0;
};

static int hexdigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool decode_hex(const std::string &hex, std::vector<unsigned char> &out)
{
    if (hex.size() % 2 != 0)
        return false;
    out.clear();
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        int hi = hexdigit(hex[i]), lo = hexdigit(hex[i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out.push_back(static_cast<unsigned char>(hi * 16 + lo));
    }
    return true;
}

static bool parse_number(const std::string &s, std::size_t &out)
{
    if (s.empty() || s.size() > 9)
        return false;
    std::size_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + static_cast<std::size_t>(c - '0');
    }
    out = v;
    return true;
}

static int reassemble(std::istream &in)
{
    const std::size_t max_size = 65536;
    std::string line, word, a, b;
    std::size_t size = 0, lineno = 0;

    if (!std::getline(in, line)) {
        std::cerr << "empty input\n";
        return 1;
    }
    ++lineno;
    std::istringstream hdr(line);
    if (!(hdr >> word >> a) || word != "size" || !parse_number(a, size) || size == 0 ||
        size > max_size) {
        std::cerr << "line 1: expected 'size N' with 1 <= N <= " << max_size << "\n";
        return 1;
    }

    MessageBuffer msg(size);
    std::vector<unsigned char> bytes;
    while (std::getline(in, line)) {
        ++lineno;
        std::istringstream ls(line);
        std::size_t offset = 0;
        if (!(ls >> word) || word[0] == '#')
            continue;
        if (word != "frag" || !(ls >> a >> b) || !parse_number(a, offset) || !decode_hex(b, bytes)) {
            std::cerr << "line " << lineno << ": malformed fragment\n";
            return 1;
        }
        if (!msg.put(offset, bytes)) {
            std::cerr << "line " << lineno << ": fragment outside message\n";
            return 1;
        }
    }
    std::cout << "received " << msg.received() << " of " << msg.size() << " bytes\n";
    std::cout << msg.printable() << "\n";
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " FRAGMENT_FILE\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    return reassemble(in);
}
