// Reads an INI-style file with section inheritance ([child : parent]) and prints the resolved settings.
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

struct Section {
    std::string name;
    std::map<std::string, std::string> values;
};

class IniDocument {
public:
    bool load(const std::string& path);
    void print(std::ostream& out) const;

private:
    Section& open_section(const std::string& header);
    int find(const std::string& name) const;
    static std::string trim(const std::string& s);

    std::vector<Section> sections_;
};

std::string IniDocument::trim(const std::string& s)
{
    size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return "";
    size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

int IniDocument::find(const std::string& name) const
{
    for (size_t i = 0; i < sections_.size(); ++i)
        if (sections_[i].name == name)
            return static_cast<int>(i);
    return -1;
}

Section& IniDocument::open_section(const std::string& header)
{
    std::string name = header;
    std::string parent;
    size_t colon = header.find(':');
    if (colon != std::string::npos) {
        name = trim(header.substr(0, colon));
        parent = trim(header.substr(colon + 1));
    }

    int base = parent.empty() ? -1 : find(parent);
    if (base < 0) {
        sections_.push_back(Section{name, {}});
        return sections_.back();
    }

    std::map<std::string, std::string> inherited = sections_[base].values;
    sections_.push_back(Section{name, std::move(inherited)});
    return sections_.back();
}

bool IniDocument::load(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        return false;

    Section* current = nullptr;
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#' || line[0] == ';')
            continue;
        if (line.front() == '[' && line.back() == ']') {
            current = &open_section(trim(line.substr(1, line.size() - 2)));
            continue;
        }
        size_t eq = line.find('=');
        if (eq == std::string::npos || current == nullptr)
            continue;
        current->values[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
    }
    return true;
}

void IniDocument::print(std::ostream& out) const
{
    for (const auto& s : sections_) {
        out << "[" << s.name << "]\n";
        for (const auto& kv : s.values)
            out << "  " << kv.first << " = " << kv.second << "\n";
    }
}

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " FILE.ini\n";
        return 2;
    }
    IniDocument doc;
    if (!doc.load(argv[1])) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    doc.print(std::cout);
    return 0;
}
