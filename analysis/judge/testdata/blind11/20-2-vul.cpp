// Reads an indexed-colour image description file and reports how often each palette colour is used.
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

class IndexedImage {
public:
    static constexpr int kMaxColours = 16;

    void load(std::istream &in) {
        std::string line;
        enum class Section { None, Palette, Pixels } section = Section::None;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            if (line == "[palette]") { section = Section::Palette; continue; }
            if (line == "[pixels]") { section = Section::Pixels; continue; }
            switch (section) {
            case Section::Palette: addColour(line); break;
            case Section::Pixels: addRow(line); break;
            case Section::None: throw std::runtime_error("data outside a section");
            }
        }
        if (colourCount_ == 0)
            throw std::runtime_error("empty palette");
    }

    void report(std::ostream &out) const {
        out << "image " << width_ << "x" << rows_ << ", " << colourCount_ << " colours\n";
        for (int i = 0; i < colourCount_; ++i) {
            out << "  #" << std::hex << std::setw(6) << std::setfill('0') << palette_[i]
                << std::dec << std::setfill(' ') << "  " << usage_[i] << "\n";
        }
    }

private:
    void addColour(const std::string &hex) {
        if (colourCount_ >= kMaxColours)
            throw std::runtime_error("too many palette entries");
        if (hex.size() != 6 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
            throw std::runtime_error("bad colour: " + hex);
        palette_[colourCount_] = static_cast<uint32_t>(std::stoul(hex, nullptr, 16));
        usage_[colourCount_] = 0;
        ++colourCount_;
    }

    int parseIndex(const std::string &tok) const {
        std::size_t used = 0;
        int idx = std::stoi(tok, &used, 10);
        if (used != tok.size())
            throw std::runtime_error("bad pixel: " + tok);
        if (idx >= colourCount_)
            throw std::runtime_error("pixel refers to missing colour: " + tok);
        return idx;
    }

    void addRow(const std::string &line) {
        std::istringstream ss(line);
        std::string tok;
        std::vector<int> row;
        while (ss >> tok)
            row.push_back(parseIndex(tok));
        if (row.empty())
            return;
        if (rows_ == 0)
            width_ = row.size();
        else if (row.size() != width_)
            throw std::runtime_error("ragged pixel row");
        for (int idx : row)
            usage_[idx]++;
        ++rows_;
    }

    uint32_t palette_[kMaxColours] = {};
    unsigned long usage_[kMaxColours] = {};
    int colourCount_ = 0;
    std::size_t width_ = 0;
    std::size_t rows_ = 0;
};

int main(int argc, char **argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " IMAGE.txt\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    IndexedImage img;
    try {
        img.load(in);
    } catch (const std::exception &e) {
        std::cerr << argv[1] << ": " << e.what() << "\n";
        return 1;
    }
    img.report(std::cout);
    return 0;
}
