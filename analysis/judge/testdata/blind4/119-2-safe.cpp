// Reads "label,value" lines from a CSV file and prints a text histogram of the values over a given range.
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

namespace {

constexpr long kLimit = 1000000000L;

bool parse_long(const std::string &text, long &out)
{
    if (text.empty())
        return false;
    const char *begin = text.c_str();
    char *end = nullptr;
    errno = 0;
    long v = std::strtol(begin, &end, 10);
    if (errno != 0 || end == begin || *end != '\0')
        return false;
    if (v < -kLimit || v > kLimit)
        return false;
    out = v;
    return true;
}

class Histogram {
public:
    static constexpr int kBins = 10;

    Histogram(long lo, long hi) : lo_(lo), hi_(hi), width_((hi - lo) / kBins) {}

    bool add(long value)
    {
        if (value < lo_ || value > hi_) {
            ++rejected_;
            return false;
        }
        std::size_t idx = static_cast<std::size_t>((value - lo_) / width_);
        if (idx >= kBins)
            idx = kBins - 1;
        counts_[idx]++;
        ++total_;
        return true;
    }

    void print(std::ostream &os) const
    {
        for (int i = 0; i < kBins; ++i) {
            long from = lo_ + i * width_;
            os << from << "\t" << counts_[i] << "\t" << std::string(bar_len(counts_[i]), '#') << "\n";
        }
        os << "total " << total_ << ", out of range " << rejected_ << "\n";
    }

private:
    std::size_t bar_len(unsigned long n) const
    {
        if (total_ == 0)
            return 0;
        return static_cast<std::size_t>(n * 50 / total_);
    }

    long lo_;
    long hi_;
    long width_;
    unsigned long total_ = 0;
    unsigned long rejected_ = 0;
    unsigned long counts_[kBins] = {};
};

bool load_csv(const std::string &path, Histogram &hist)
{
    std::ifstream in(path);
    if (!in) {
        std::cerr << "cannot open " << path << "\n";
        return false;
    }
    std::string line;
    unsigned lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#')
            continue;
        std::string::size_type comma = line.rfind(',');
        if (comma == std::string::npos) {
            std::cerr << "line " << lineno << ": no value\n";
            continue;
        }
        long value;
        if (!parse_long(line.substr(comma + 1), value)) {
            std::cerr << "line " << lineno << ": bad value\n";
            continue;
        }
        hist.add(value);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::cerr << "usage: " << argv[0] << " FILE.csv LOW HIGH\n";
        return 2;
    }
    long lo, hi;
    if (!parse_long(argv[2], lo) || !parse_long(argv[3], hi) || hi - lo < Histogram::kBins) {
        std::cerr << "bad range\n";
        return 2;
    }
    auto hist = std::make_unique<Histogram>(lo, hi);
    if (!load_csv(argv[1], *hist))
        return 1;
    hist->print(std::cout);
    return 0;
}
