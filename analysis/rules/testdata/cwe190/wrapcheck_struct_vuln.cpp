// CWE-190: a slice read with std::cin >> into a struct is checked as
// offset + length <= size, which wraps for a huge length.
#include <cstddef>
#include <cstring>
#include <iostream>

struct Slice {
    std::size_t offset;
    std::size_t length;
};

class Frame {
public:
    bool copy_out(const Slice &s, char *out) const;

private:
    char data_[512] = {};
};

int main() {
    Slice s{};
    std::cin >> s.offset >> s.length;
    static char out[512];
    Frame f;
    std::cout << (f.copy_out(s, out) ? "ok" : "out of range") << "\n";
    return 0;
}

bool Frame::copy_out(const Slice &s, char *out) const {
    if (s.offset + s.length <= sizeof data_) { // want CWE-190
        std::memcpy(out, data_ + s.offset, s.length); // want CWE-20
        return true;
    }
    return false;
}
