/* Applies a comma-separated chain of text filters given on the command line to each line read from stdin. */
#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

class Filter {
public:
    virtual ~Filter() = default;
    virtual std::string apply(const std::string &in) const = 0;
};

class Upper : public Filter {
public:
    std::string apply(const std::string &in) const override {
        std::string out = in;
        std::transform(out.begin(), out.end(), out.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        return out;
    }
};

class Trim : public Filter {
public:
    std::string apply(const std::string &in) const override {
        size_t b = in.find_first_not_of(" \t");
        if (b == std::string::npos)
            return "";
        size_t e = in.find_last_not_of(" \t");
        return in.substr(b, e - b + 1);
    }
};

class Reverse : public Filter {
public:
    std::string apply(const std::string &in) const override { return std::string(in.rbegin(), in.rend()); }
};

class Squeeze : public Filter {
public:
    std::string apply(const std::string &in) const override {
        std::string out;
        for (char c : in)
            if (!(c == ' ' && !out.empty() && out.back() == ' '))
                out.push_back(c);
        return out;
    }
};

class Rot13 : public Filter {
public:
    std::string apply(const std::string &in) const override {
        std::string out = in;
        for (char &c : out) {
            if (c >= 'a' && c <= 'z') c = static_cast<char>('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z') c = static_cast<char>('A' + (c - 'A' + 13) % 26);
        }
        return out;
    }
};

static std::unique_ptr<Filter> make_filter(const std::string &name) {
    if (name == "upper") return std::make_unique<Upper>();
    if (name == "trim") return std::make_unique<Trim>();
    if (name == "rev") return std::make_unique<Reverse>();
    if (name == "squeeze") return std::make_unique<Squeeze>();
    if (name == "rot13") return std::make_unique<Rot13>();
    return nullptr;
}

class Pipeline {
public:
    bool parse(const std::string &spec, std::string &error) {
        std::istringstream in(spec);
        std::string name;
        while (std::getline(in, name, ',')) {
            if (name.empty())
                continue;
            std::unique_ptr<Filter> f = make_filter(name);
            if (!f) {
                error = "unknown filter '" + name + "'";
                stages_.clear();
                return false;
            }
            stages_.push_back(std::move(f));
        }
        if (stages_.empty()) {
            error = "empty filter chain";
            return false;
        }
        return true;
    }

    std::string run(const std::string &line) const {
        std::string cur = line;
        for (const auto &stage : stages_)
            cur = stage->apply(cur);
        return cur;
    }

    size_t size() const { return stages_.size(); }

private:
    std::vector<std::unique_ptr<Filter>> stages_;
};

int main(int argc, char **argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " FILTER[,FILTER...]\n"
                  << "filters: upper trim rev squeeze rot13\n";
        return 2;
    }
    Pipeline pipe;
    std::string error;
    if (!pipe.parse(argv[1], error)) {
        std::cerr << "bad filter chain: " << error << "\n";
        return 2;
    }
    std::string line;
    size_t count = 0;
    while (std::getline(std::cin, line)) {
        std::cout << pipe.run(line) << "\n";
        ++count;
    }
    std::cerr << count << " lines through " << pipe.size() << " filters\n";
    return 0;
}
