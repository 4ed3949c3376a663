// CWE-190, fixed: the slice read with std::cin >> is checked without an
// addition that can wrap.
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
    if (s.offset <= sizeof data_ && s.length <= sizeof data_ - s.offset) {
        std::memcpy(out, data_ + s.offset, s.length);
        return true;
    }
    return false;
}
