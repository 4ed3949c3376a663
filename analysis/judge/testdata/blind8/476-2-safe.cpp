// Encodes the text given on the command line through a comma-separated chain of encoders (hex, rot13, reverse, upper).
#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
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
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 0x0f]);
        }
        return out;
    }
};

class Rot13Encoder : public Encoder {
public:
    std::string name() const override { return "rot13"; }
    std::string encode(const std::string& in) const override
    {
        std::string out = in;
        for (char& c : out) {
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z')
                c = static_cast<char>('A' + (c - 'A' + 13) % 26);
        }
        return out;
    }
};

class ReverseEncoder : public Encoder {
public:
    std::string name() const override { return "reverse"; }
    std::string encode(const std::string& in) const override { return std::string(in.rbegin(), in.rend()); }
};

class UpperEncoder : public Encoder {
public:
    std::string name() const override { return "upper"; }
    std::string encode(const std::string& in) const override
    {
        std::string out = in;
        std::transform(out.begin(), out.end(), out.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        return out;
    }
};

static std::unique_ptr<Encoder> make_encoder(const std::string& kind)
{
    if (kind == "hex") return std::make_unique<HexEncoder>();
    if (kind == "rot13") return std::make_unique<Rot13Encoder>();
    if (kind == "reverse") return std::make_unique<ReverseEncoder>();
    if (kind == "upper") return std::make_unique<UpperEncoder>();
    return nullptr;
}

class Pipeline {
public:
    bool add_stage(const std::string& kind)
    {
        auto enc = make_encoder(kind);
        if (!enc)
            return false;
        stages_.push_back(std::move(enc));
        return true;
    }

    std::string run(const std::string& input, bool verbose) const
    {
        std::string data = input;
        for (const auto& st : stages_) {
            data = st->encode(data);
            if (verbose)
                std::cerr << "after " << st->name() << ": " << data << "\n";
        }
        return data;
    }

private:
    std::vector<std::unique_ptr<Encoder>> stages_;
};

static bool build_pipeline(Pipeline& p, const std::string& spec)
{
    std::istringstream ss(spec);
    std::string kind;
    while (std::getline(ss, kind, ',')) {
        if (kind.empty())
            continue;
        if (!p.add_stage(kind)) {
            std::cerr << "unknown encoder: " << kind << "\n";
            return false;
        }
    }
    return true;
}

int main(int argc, char** argv)
{
    bool verbose = false;
    int first = 1;
    if (argc > 1 && std::string(argv[1]) == "-v") {
        verbose = true;
        first = 2;
    }
    if (argc - first != 2) {
        std::cerr << "usage: " << argv[0] << " [-v] ENCODERS TEXT\n";
        return 2;
    }
    Pipeline p;
    if (!build_pipeline(p, argv[first]))
        return 1;
    std::cout << p.run(argv[first + 1], verbose) << "\n";
    return 0;
}
