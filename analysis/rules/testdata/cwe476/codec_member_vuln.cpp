// A text filter chain named on the command line: codec_for returns
// nullptr for a name it does not know, Chain::add keeps whatever it is
// given in a member vector, and Chain::apply calls every element, so an
// unknown name is a call through a null pointer.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

struct Codec {
    virtual ~Codec() = default;
    virtual std::string apply(const std::string &in) const = 0;
};

struct Upper : Codec {
    std::string apply(const std::string &in) const override
    {
        std::string out = in;
        for (char &ch : out)
            if (ch >= 'a' && ch <= 'z')
                ch = static_cast<char>(ch - 'a' + 'A');
        return out;
    }
};

struct Reverse : Codec {
    std::string apply(const std::string &in) const override { return std::string(in.rbegin(), in.rend()); }
};

static std::unique_ptr<Codec> codec_for(const std::string &name)
{
    if (name == "upper")
        return std::make_unique<Upper>();
    if (name == "reverse")
        return std::make_unique<Reverse>();
    return nullptr;
}

class Chain {
public:
    void add(std::unique_ptr<Codec> c) { codecs_.push_back(std::move(c)); }
    std::string apply(std::string text) const;

private:
    std::vector<std::unique_ptr<Codec>> codecs_;
};

int main(int argc, char **argv)
{
    Chain chain;
    for (int i = 1; i < argc; i++)
        chain.add(codec_for(argv[i]));
    std::string line;
    while (std::getline(std::cin, line))
        std::cout << chain.apply(line) << "\n";
    return 0;
}

std::string Chain::apply(std::string text) const
{
    for (const auto &c : codecs_)
        text = c->apply(text); // want CWE-476
    return text;
}
