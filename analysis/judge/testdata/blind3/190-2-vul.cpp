// Frame encoder: wraps the payload read from stdin in a 4-byte type/length header and prints the frame summary.
#include <cstdint>
#include <cstring>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

class FrameWriter {
public:
    static constexpr size_t kHeader = 4;

    explicit FrameWriter(uint16_t type) : type_(type) {}

    std::vector<uint8_t> encode(const std::string& payload) const {
        if (payload.size() > 0xFFFF)
            throw std::length_error("payload too large");
        uint16_t total = static_cast<uint16_t>(payload.size() + kHeader);
        std::vector<uint8_t> frame(total);
        std::memcpy(frame.data() + kHeader, payload.data(), payload.size());
        uint8_t* p = frame.data();
        p[0] = static_cast<uint8_t>(type_ >> 8);
        p[1] = static_cast<uint8_t>(type_);
        p[2] = static_cast<uint8_t>(total >> 8);
        p[3] = static_cast<uint8_t>(total);
        return frame;
    }

private:
    uint16_t type_;
};

static uint32_t checksum(const std::vector<uint8_t>& v) {
    uint32_t s = 0;
    for (uint8_t b : v)
        s = (s << 1 | s >> 31) ^ b;
    return s;
}

int main(int argc, char** argv) {
    uint16_t type = argc > 1 ? static_cast<uint16_t>(std::stoi(argv[1])) : 1;
    std::string payload((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    try {
        FrameWriter writer(type);
        std::vector<uint8_t> frame = writer.encode(payload);
        std::cout << "frame type " << type << ", " << frame.size() << " bytes, checksum "
                  << std::hex << checksum(frame) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "encode failed: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
