// Expands run-length encoded text read from stdin, one "<count>:<text>" run per line, and prints the result.
#include <cstring>
#include <iostream>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr int kMaxCount = 65535;
constexpr std::size_t kMaxText = 255;
constexpr int kMaxOutput = 1 << 20;

struct Run {
    int count;
    std::string text;
};

class RunList {
public:
    bool parse_line(const std::string &line, std::string &err)
    {
        std::size_t colon = line.find(':');
        if (colon == std::string::npos || colon == 0) {
            err = "expected <count>:<text>";
            return false;
        }
        std::string num = line.substr(0, colon);
        if (num.find_first_not_of("0123456789") != std::string::npos || num.size() > 5) {
            err = "bad count '" + num + "'";
            return false;
        }
        int count = std::stoi(num);
        std::string text = line.substr(colon + 1);
        if (count < 1 || count > kMaxCount) {
            err = "count out of range";
            return false;
        }
        if (text.empty() || text.size() > kMaxText) {
            err = "text must be 1-255 characters";
            return false;
        }
        runs_.push_back(Run{count, std::move(text)});
        return true;
    }

    int expanded_length() const
    {
        int total = 0;
        for (const Run &r : runs_)
            total += r.count * static_cast<int>(r.text.size());
        return total;
    }

    void expand_into(char *out) const
    {
        for (const Run &r : runs_) {
            for (int i = 0; i < r.count; ++i) {
                std::memcpy(out, r.text.data(), r.text.size());
                out += r.text.size();
            }
        }
    }

    bool empty() const { return runs_.empty(); }

private:
    std::vector<Run> runs_;
};

} // namespace

int main()
{
    RunList runs;
    std::string line;
    unsigned lineno = 0;

    while (std::getline(std::cin, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            continue;
        std::string err;
        if (!runs.parse_line(line, err)) {
            std::cerr << "line " << lineno << ": " << err << '\n';
            return 1;
        }
    }
    if (runs.empty())
        return 0;

    int len = runs.expanded_length();
    if (len < 0 || len > kMaxOutput) {
        std::cerr << "expanded output too large\n";
        return 1;
    }
    std::unique_ptr<char[]> buf(new (std::nothrow) char[static_cast<std::size_t>(len)]);
    if (!buf) {
        std::cerr << "out of memory\n";
        return 1;
    }
    runs.expand_into(buf.get());
    std::cout.write(buf.get(), len);
    std::cout << '\n';
    return std::cout.good() ? 0 : 1;
}
