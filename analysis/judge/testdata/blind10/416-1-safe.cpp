/* Reads a dependency file of "target: dep dep ..." lines and prints a build order. */
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

struct Node {
    std::string name;
    std::vector<size_t> deps;
    int state = 0;
};

class DepGraph {
public:
    Node &intern(const std::string &name)
    {
        auto it = index_.find(name);
        if (it != index_.end())
            return nodes_[it->second];
        index_[name] = nodes_.size();
        nodes_.push_back(Node{name, {}, 0});
        return nodes_.back();
    }

    size_t id_of(const Node &n) const { return index_.at(n.name); }

    void add_rule(const std::string &target, const std::vector<std::string> &deps)
    {
        size_t t = id_of(intern(target));
        for (const auto &d : deps) {
            size_t dep = id_of(intern(d));
            nodes_[t].deps.push_back(dep);
        }
    }

    bool order(std::vector<std::string> &out)
    {
        for (size_t i = 0; i < nodes_.size(); ++i)
            if (!visit(i, out))
                return false;
        return true;
    }

private:
    bool visit(size_t i, std::vector<std::string> &out)
    {
        if (nodes_[i].state == 2)
            return true;
        if (nodes_[i].state == 1) {
            std::cerr << "cycle at " << nodes_[i].name << "\n";
            return false;
        }
        nodes_[i].state = 1;
        for (size_t k = 0; k < nodes_[i].deps.size(); ++k)
            if (!visit(nodes_[i].deps[k], out))
                return false;
        nodes_[i].state = 2;
        out.push_back(nodes_[i].name);
        return true;
    }

    std::vector<Node> nodes_;
    std::map<std::string, size_t> index_;
};

static bool parse_line(const std::string &line, std::string &target,
                       std::vector<std::string> &deps)
{
    auto colon = line.find(':');
    if (colon == std::string::npos)
        return false;
    std::istringstream head(line.substr(0, colon));
    if (!(head >> target))
        return false;
    std::istringstream rest(line.substr(colon + 1));
    std::string word;
    deps.clear();
    while (rest >> word)
        deps.push_back(word);
    return true;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " DEPFILE\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }

    DepGraph g;
    std::string line;
    unsigned lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#')
            continue;
        std::string target;
        std::vector<std::string> deps;
        if (!parse_line(line, target, deps)) {
            std::cerr << argv[1] << ":" << lineno << ": malformed rule\n";
            continue;
        }
        g.add_rule(target, deps);
    }

    std::vector<std::string> order;
    if (!g.order(order))
        return 1;
    for (const auto &name : order)
        std::cout << name << "\n";
    return 0;
}
