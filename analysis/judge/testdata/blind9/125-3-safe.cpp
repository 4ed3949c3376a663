// Reads a captured DNS response message from a file and prints its questions and answer records.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Packet {
    const std::uint8_t *bytes;
    std::size_t size;
};

class ParseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::uint16_t read_u16(const Packet &pkt, std::size_t pos)
{
    if (pos + 2 > pkt.size)
        throw ParseError("truncated 16-bit field");
    return static_cast<std::uint16_t>((pkt.bytes[pos] << 8) | pkt.bytes[pos + 1]);
}

std::uint32_t read_u32(const Packet &pkt, std::size_t pos)
{
    return (static_cast<std::uint32_t>(read_u16(pkt, pos)) << 16) | read_u16(pkt, pos + 2);
}

std::string read_name(const Packet &pkt, std::size_t &pos)
{
    std::string name;
    std::size_t cur = pos;
    bool jumped = false;
    int hops = 0;
    for (;;) {
        if (cur >= pkt.size)
            throw ParseError("name runs past end of message");
        std::uint8_t len = pkt.bytes[cur];
        if ((len & 0xC0) == 0xC0) {
            if (cur + 1 >= pkt.size)
                throw ParseError("truncated compression pointer");
            std::size_t target = static_cast<std::size_t>(((len & 0x3F) << 8) | pkt.bytes[cur + 1]);
            if (!jumped)
                pos = cur + 2;
            jumped = true;
            if (++hops > 16)
                throw ParseError("compression loop");
            cur = target;
            continue;
        }
        if (len & 0xC0)
            throw ParseError("reserved label type");
        if (len == 0) {
            if (!jumped)
                pos = cur + 1;
            break;
        }
        if (cur + 1 + len > pkt.size)
            throw ParseError("label runs past end of message");
        if (!name.empty())
            name += '.';
        name.append(reinterpret_cast<const char *>(pkt.bytes + cur + 1), len);
        if (name.size() > 255)
            throw ParseError("name too long");
        cur += 1 + static_cast<std::size_t>(len);
    }
    return name.empty() ? "." : name;
}

std::string type_name(std::uint16_t type)
{
    switch (type) {
    case 1: return "A";
    case 2: return "NS";
    case 5: return "CNAME";
    case 15: return "MX";
    case 16: return "TXT";
    case 28: return "AAAA";
    default: return "TYPE" + std::to_string(type);
    }
}

void dump_message(const Packet &pkt)
{
    std::uint16_t id = read_u16(pkt, 0);
    std::uint16_t qd = read_u16(pkt, 4);
    std::uint16_t an = read_u16(pkt, 6);
    std::printf("id=0x%04x questions=%u answers=%u\n", id, qd, an);
    std::size_t pos = 12;
    for (unsigned i = 0; i < qd; ++i) {
        std::string q = read_name(pkt, pos);
        std::uint16_t qtype = read_u16(pkt, pos);
        pos += 4;
        std::printf("  Q %s %s\n", q.c_str(), type_name(qtype).c_str());
    }
    for (unsigned i = 0; i < an; ++i) {
        std::string owner = read_name(pkt, pos);
        std::uint16_t rtype = read_u16(pkt, pos);
        std::uint32_t ttl = read_u32(pkt, pos + 4);
        std::uint16_t rdlen = read_u16(pkt, pos + 8);
        pos += 10;
        if (pos + rdlen > pkt.size)
            throw ParseError("truncated rdata");
        std::printf("  A %s %s ttl=%u", owner.c_str(), type_name(rtype).c_str(), ttl);
        if (rtype == 1 && rdlen == 4)
            std::printf(" %u.%u.%u.%u", pkt.bytes[pos], pkt.bytes[pos + 1], pkt.bytes[pos + 2], pkt.bytes[pos + 3]);
        else
            std::printf(" (%u bytes)", rdlen);
        std::printf("\n");
        pos += rdlen;
    }
}

bool load_file(const char *path, std::vector<std::uint8_t> &out)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return false;
    std::streamoff len = in.tellg();
    if (len < 0 || len > 65535)
        return false;
    out.resize(static_cast<std::size_t>(len));
    in.seekg(0);
    return static_cast<bool>(in.read(reinterpret_cast<char *>(out.data()), len));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " MESSAGE.bin\n";
        return 2;
    }
    std::vector<std::uint8_t> data;
    if (!load_file(argv[1], data) || data.size() < 12) {
        std::cerr << "cannot read DNS message from " << argv[1] << '\n';
        return 1;
    }
    try {
        dump_message(Packet{data.data(), data.size()});
    } catch (const ParseError &e) {
        std::cerr << "malformed message: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
