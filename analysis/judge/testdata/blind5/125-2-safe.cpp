// Decodes a DNS message given as a hex string on the command line and prints its questions and answers.
#include <cctype>
#include <cstdint>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

struct ParseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

static std::vector<uint8_t> from_hex(const std::string &hex) {
    if (hex.size() % 2 != 0) throw ParseError("odd number of hex digits");
    std::vector<uint8_t> out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        unsigned char hi = static_cast<unsigned char>(hex[2 * i]);
        unsigned char lo = static_cast<unsigned char>(hex[2 * i + 1]);
        if (!std::isxdigit(hi) || !std::isxdigit(lo)) throw ParseError("bad hex digit");
        out[i] = static_cast<uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    }
    return out;
}

class DnsReader {
public:
    DnsReader(const uint8_t *data, std::size_t len) : data_(data), len_(len) {}

    uint16_t u16(std::size_t &pos) const {
        if (pos + 2 > len_) throw ParseError("truncated field");
        uint16_t v = static_cast<uint16_t>(data_[pos] << 8 | data_[pos + 1]);
        pos += 2;
        return v;
    }

    uint32_t u32(std::size_t &pos) const {
        uint32_t hi = u16(pos);
        return hi << 16 | u16(pos);
    }

    std::string name(std::size_t &pos) const {
        std::string out;
        std::size_t p = pos;
        bool jumped = false;
        int hops = 0;
        for (;;) {
            if (p >= len_) throw ParseError("name runs past end");
            uint8_t b = data_[p];
            if (b == 0) {
                if (!jumped) pos = p + 1;
                break;
            }
            if ((b & 0xC0) == 0xC0) {
                if (p + 1 >= len_) throw ParseError("truncated pointer");
                std::size_t off = static_cast<std::size_t>(b & 0x3F) << 8 | data_[p + 1];
                if (off >= len_ || ++hops > 16) throw ParseError("bad pointer");
                if (!jumped) pos = p + 2;
                jumped = true;
                p = off;
                continue;
            }
            if (b > 63) throw ParseError("bad label length");
            if (p + 1u + b > len_) throw ParseError("label runs past end");
            if (!out.empty()) out += '.';
            out.append(reinterpret_cast<const char *>(data_ + p + 1), b);
            p += 1u + b;
        }
        return out.empty() ? "." : out;
    }

private:
    const uint8_t *data_;
    std::size_t len_;
};

static void dump_message(const std::vector<uint8_t> &msg) {
    DnsReader rd(msg.data(), msg.size());
    std::size_t pos = 0;
    uint16_t id = rd.u16(pos);
    uint16_t flags = rd.u16(pos);
    uint16_t qd = rd.u16(pos), an = rd.u16(pos);
    rd.u16(pos);
    rd.u16(pos);
    std::cout << "id=" << id << " flags=0x" << std::hex << flags << std::dec
              << " qd=" << qd << " an=" << an << "\n";
    for (unsigned i = 0; i < qd; ++i) {
        std::string n = rd.name(pos);
        uint16_t type = rd.u16(pos), cls = rd.u16(pos);
        std::cout << "Q " << n << " type=" << type << " class=" << cls << "\n";
    }
    for (unsigned i = 0; i < an; ++i) {
        std::string n = rd.name(pos);
        uint16_t type = rd.u16(pos), cls = rd.u16(pos);
        uint32_t ttl = rd.u32(pos);
        uint16_t rdlen = rd.u16(pos);
        if (pos + rdlen > msg.size()) throw ParseError("rdata runs past end");
        std::cout << "A " << n << " type=" << type << " class=" << cls << " ttl=" << ttl;
        if (type == 1 && rdlen == 4) {
            std::cout << " " << +msg[pos] << "." << +msg[pos + 1] << "." << +msg[pos + 2] << "." << +msg[pos + 3];
        } else if (type == 5) {
            std::size_t p = pos;
            std::cout << " cname=" << rd.name(p);
        }
        std::cout << "\n";
        pos += rdlen;
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " HEX\n";
        return 2;
    }
    try {
        std::vector<uint8_t> msg = from_hex(argv[1]);
        dump_message(msg);
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
