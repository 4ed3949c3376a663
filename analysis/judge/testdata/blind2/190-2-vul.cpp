// Reassembles an upload from "OFFSET LENGTH BYTE" chunk records on stdin and prints a checksum.
#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

class UploadBuffer {
public:
    explicit UploadBuffer(int capacity) : data_(static_cast<size_t>(capacity), 0), cap_(capacity) {}

    // Fills [offset, offset + length) with the given byte.
    bool write(int offset, int length, unsigned char fill) {
        if (offset < 0 || length < 0 || offset + length > cap_)
            return false;
        std::memset(data_.data() + offset, fill, static_cast<size_t>(length));
        if (offset + length > high_)
            high_ = offset + length;
        return true;
    }

    uint32_t checksum() const {
        uint32_t a = 1, b = 0;
        for (int i = 0; i < high_; ++i) {
            a = (a + data_[static_cast<size_t>(i)]) % 65521;
            b = (b + a) % 65521;
        }
        return b << 16 | a;
    }

    int size() const { return high_; }

private:
    std::vector<unsigned char> data_;
    int cap_;
    int high_ = 0;
};

static bool read_chunk(std::istream &in, int &offset, int &length, unsigned &fill) {
    return static_cast<bool>(in >> offset >> length >> fill) && fill < 256;
}

int main(int argc, char **argv) {
    int capacity = 1 << 20;
    if (argc > 1)
        capacity = std::stoi(argv[1]);
    if (capacity <= 0 || capacity > (1 << 26)) {
        std::cerr << "bad capacity\n";
        return 2;
    }
    UploadBuffer buf(capacity);
    int offset, length, rejected = 0;
    unsigned fill;

    while (read_chunk(std::cin, offset, length, fill)) {
        if (!buf.write(offset, length, static_cast<unsigned char>(fill))) {
            std::cerr << "chunk at " << offset << " rejected\n";
            ++rejected;
        }
    }
    std::cout << buf.size() << " bytes, adler32 " << std::hex << buf.checksum() << std::dec
              << ", " << rejected << " rejected\n";
    return rejected ? 1 : 0;
}
