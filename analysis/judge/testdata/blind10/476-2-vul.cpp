/* Command-line tool that encodes its text arguments with a named codec (hex, rot13, base64, ...). */
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

class Codec {
public:
    virtual ~Codec() = default;
    virtual std::string encode(const std::string &in) const = 0;
    virtual std::string name() const = 0;
};

class HexCodec : public Codec {
public:
    std::string encode(const std::string &in) const override
    {
        static const char digits[] = "0123456789abcdef";
        std::string out;
        for (unsigned char c : in) {
            out += digits[c >> 4];
            out += digits[c & 15];
        }
        return out;
    }
    std::string name() const override { return "hex"; }
};

class Rot13Codec : public Codec {
public:
    std::string encode(const std::string &in) const override
    {
        std::string out = in;
        for (char &c : out) {
            if (c >= 'a' && c <= 'z')
                c = char('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z')
                c = char('A' + (c - 'A' + 13) % 26);
        }
        return out;
    }
    std::string name() const override { return "rot13"; }
};

class Base64Codec : public Codec {
public:
    std::string encode(const std::string &in) const override
    {
        static const char tbl[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        std::string out;
        size_t i = 0;
        for (; i + 2 < in.size(); i += 3) {
            unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 |
                         (unsigned char)in[i + 2];
            out += tbl[v >> 18 & 63];
            out += tbl[v >> 12 & 63];
            out += tbl[v >> 6 & 63];
            out += tbl[v & 63];
        }
        if (i < in.size()) {
            unsigned v = (unsigned char)in[i] << 16;
            if (i + 1 < in.size())
                v |= (unsigned char)in[i + 1] << 8;
            out += tbl[v >> 18 & 63];
            out += tbl[v >> 12 & 63];
            out += i + 1 < in.size() ? tbl[v >> 6 & 63] : '=';
            out += '=';
        }
        return out;
    }
    std::string name() const override { return "base64"; }
};

class CodecRegistry {
public:
    CodecRegistry()
    {
        factories_["hex"] = [] { return std::make_unique<HexCodec>(); };
        factories_["rot13"] = [] { return std::make_unique<Rot13Codec>(); };
        factories_["base64"] = [] { return std::make_unique<Base64Codec>(); };
    }

    static const std::vector<std::string> &advertised()
    {
        static const std::vector<std::string> names = {"hex", "rot13", "base64", "base32"};
        return names;
    }

    std::unique_ptr<Codec> create(const std::string &name) const
    {
        auto it = factories_.find(name);
        if (it == factories_.end())
            return nullptr;
        return it->second();
    }

private:
    std::map<std::string, std::function<std::unique_ptr<Codec>()>> factories_;
};

static bool is_advertised(const std::string &name)
{
    for (const auto &n : CodecRegistry::advertised())
        if (n == name)
            return true;
    return false;
}

static int run(const CodecRegistry &reg, const std::string &codec_name,
               const std::vector<std::string> &words)
{
    std::unique_ptr<Codec> codec = reg.create(codec_name);
    for (const auto &w : words)
        std::cout << codec->name() << ": " << codec->encode(w) << "\n";
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::cerr << "usage: " << argv[0] << " CODEC TEXT...\ncodecs:";
        for (const auto &n : CodecRegistry::advertised())
            std::cerr << " " << n;
        std::cerr << "\n";
        return 2;
    }
    std::string codec_name = argv[1];
    if (!is_advertised(codec_name)) {
        std::cerr << "unknown codec '" << codec_name << "'\n";
        return 2;
    }
    std::vector<std::string> words(argv + 2, argv + argc);
    CodecRegistry reg;
    return run(reg, codec_name, words);
}
