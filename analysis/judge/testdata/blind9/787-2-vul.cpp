// Decodes base64 text read from stdin (padded or unpadded) and prints a hex dump of the decoded bytes.
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace {

struct Blob {
    std::unique_ptr<std::uint8_t[]> data;
    std::size_t size = 0;
};

int b64_value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

std::string strip_input(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)) || c == '=')
            continue;
        out.push_back(c);
    }
    return out;
}

std::size_t decoded_capacity(std::size_t encoded_len)
{
    return (encoded_len / 4) * 3;
}

std::optional<Blob> decode_base64(const std::string &text)
{
    const std::string clean = strip_input(text);
    if (clean.size() % 4 == 1)
        return std::nullopt;
    Blob blob;
    const std::size_t cap = decoded_capacity(clean.size());
    blob.data = std::make_unique<std::uint8_t[]>(cap == 0 ? 1 : cap);
    std::uint8_t *out = blob.data.get();
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : clean) {
        int v = b64_value(c);
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[blob.size++] = static_cast<std::uint8_t>((acc >> bits) & 0xff);
        }
    }
    return blob;
}

void hex_dump(const Blob &blob)
{
    for (std::size_t off = 0; off < blob.size; off += 16) {
        std::printf("%08zx ", off);
        std::string ascii;
        for (std::size_t i = off; i < off + 16; ++i) {
            if (i < blob.size) {
                std::printf(" %02x", blob.data[i]);
                unsigned char ch = blob.data[i];
                ascii.push_back(std::isprint(ch) ? static_cast<char>(ch) : '.');
            } else {
                std::printf("   ");
            }
        }
        std::printf("  |%s|\n", ascii.c_str());
    }
}

} // namespace

int main()
{
    std::string input, line;
    while (std::getline(std::cin, line)) {
        input += line;
        input.push_back('\n');
        if (input.size() > (1u << 20)) {
            std::cerr << "input too large\n";
            return 1;
        }
    }
    std::optional<Blob> blob = decode_base64(input);
    if (!blob) {
        std::cerr << "invalid base64 input\n";
        return 1;
    }
    hex_dump(*blob);
    std::printf("%zu bytes\n", blob->size);
    return 0;
}
