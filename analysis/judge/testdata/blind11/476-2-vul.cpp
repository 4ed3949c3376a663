/* Reads data from stdin and writes it through a comma-separated chain of encoders (hex, base64, rot13, upper) named on the command line. */
#include <cctype>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

class Encoder {
public:
    virtual ~Encoder() = default;
    virtual std::string name() const = 0;
    virtual std::string encode(const std::string& in) const = 0;
};

class HexEncoder : public Encoder {
public:
    std::string name() const override { return "hex"; }
    std::string encode(const std::string& in) const override
    {
        static const char digits[] = "0123456789abcdef";
        std::string out;
        out.reserve(in.size() * 2);
        for (unsigned char c : in) {
            out += digits[c >> 4];
            out += digits[c & 0x0f];
        }
        return out;
    }
};

class Base64Encoder : public Encoder {
public:
    std::string name() const override { return "base64"; }
    std::string encode(const std::string& in) const override
    {
        static const char tbl[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        std::string out;
        size_t i = 0;
        for (; i + 2 < in.size(); i += 3) {
            unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
            out += tbl[(v >> 18) & 63];
            out += tbl[(v >> 12) & 63];
            out += tbl[(v >> 6) & 63];
            out += tbl[v & 63];
        }
        size_t rest = in.size() - i;
        if (rest > 0) {
            unsigned v = (unsigned char)in[i] << 16;
            if (rest == 2)
                v |= (unsigned char)in[i + 1] << 8;
            out += tbl[(v >> 18) & 63];
            out += tbl[(v >> 12) & 63];
            out += rest == 2 ? tbl[(v >> 6) & 63] : '=';
            out += '=';
        }
        return out;
    }
};

class Rot13Encoder : public Encoder {
public:
    std::string name() const override { return "rot13"; }
    std::string encode(const std::string& in) const override
    {
        std::string out(in);
        for (char& c : out) {
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z')
                c = static_cast<char>('A' + (c - 'A' + 13) % 26);
        }
        return out;
    }
};

class UpperEncoder : public Encoder {
public:
    std::string name() const override { return "upper"; }
    std::string encode(const std::string& in) const override
    {
        std::string out(in);
        for (char& c : out)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return out;
    }
};

static std::unique_ptr<Encoder> make_encoder(const std::string& name)
{
    if (name == "hex")
        return std::make_unique<HexEncoder>();
    if (name == "base64" || name == "b64")
        return std::make_unique<Base64Encoder>();
    if (name == "rot13")
        return std::make_unique<Rot13Encoder>();
    if (name == "upper")
        return std::make_unique<UpperEncoder>();
    return nullptr;
}

static std::vector<std::string> split_list(const std::string& spec)
{
    std::vector<std::string> parts;
    std::istringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ','))
        parts.push_back(item);
    return parts;
}

struct Pipeline {
    std::vector<std::unique_ptr<Encoder>> stages;

    std::string describe() const
    {
        std::string d;
        for (const auto& s : stages)
            d += (d.empty() ? "" : " -> ") + s->name();
        return d;
    }

    std::string run(std::string data) const
    {
        for (const auto& s : stages)
            data = s->encode(data);
        return data;
    }
};

static bool build_pipeline(const std::string& spec, Pipeline& p, std::string& err)
{
    for (const auto& part : split_list(spec)) {
        if (part.empty()) {
            err = "empty encoder name in '" + spec + "'";
            return false;
        }
        p.stages.push_back(make_encoder(part));
    }
    return true;
}

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " ENCODER[,ENCODER...]\n";
        return 2;
    }
    Pipeline p;
    std::string err;
    if (!build_pipeline(argv[1], p, err)) {
        std::cerr << err << "\n";
        return 2;
    }
    if (p.stages.empty()) {
        std::cerr << "no encoders given\n";
        return 2;
    }
    std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    std::cerr << "pipeline: " << p.describe() << "\n";
    std::cout << p.run(input) << "\n";
    return 0;
}
