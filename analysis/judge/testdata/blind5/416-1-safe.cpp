// Reads a dependency list file ("target: dep dep ...") and prints each target with its dependency count and dependents.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

struct Target {
    std::string name;
    std::vector<std::string> deps;
    std::vector<std::string> dependents;
    bool declared = false;
};

class DepGraph {
public:
    size_t get_or_add(const std::string &name) {
        auto it = index_.find(name);
        if (it != index_.end())
            return it->second;
        size_t idx = targets_.size();
        index_[name] = idx;
        targets_.push_back(Target{name, {}, {}, false});
        return idx;
    }

    void add_rule(const std::string &name, const std::vector<std::string> &deps) {
        size_t ti = get_or_add(name);
        targets_[ti].declared = true;
        for (const auto &d : deps) {
            size_t di = get_or_add(d);
            targets_[di].dependents.push_back(targets_[ti].name);
            targets_[ti].deps.push_back(d);
        }
    }

    void print(std::ostream &out) const {
        for (const auto &t : targets_) {
            out << t.name << (t.declared ? "" : " (leaf)") << ": "
                << t.deps.size() << " deps";
            if (!t.dependents.empty()) {
                out << ", needed by";
                for (const auto &p : t.dependents)
                    out << ' ' << p;
            }
            out << '\n';
        }
    }

private:
    std::vector<Target> targets_;
    std::map<std::string, size_t> index_;
};

static std::string trim(const std::string &s) {
    size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return "";
    size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

static bool parse_line(const std::string &line, std::string &name,
                       std::vector<std::string> &deps) {
    size_t colon = line.find(':');
    if (colon == std::string::npos)
        return false;
    name = trim(line.substr(0, colon));
    if (name.empty())
        return false;
    deps.clear();
    std::istringstream rest(line.substr(colon + 1));
    std::string d;
    while (rest >> d)
        deps.push_back(d);
    return true;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " DEPFILE\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << '\n';
        return 1;
    }
    DepGraph graph;
    std::string line;
    unsigned lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        std::string t = trim(line);
        if (t.empty() || t[0] == '#')
            continue;
        std::string name;
        std::vector<std::string> deps;
        if (!parse_line(t, name, deps)) {
            std::cerr << argv[1] << ":" << lineno << ": malformed line\n";
            continue;
        }
        graph.add_rule(name, deps);
    }
    graph.print(std::cout);
    return 0;
}
