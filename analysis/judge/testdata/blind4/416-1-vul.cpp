// Reads a task outline file (task/sub lines) and prints the task tree with depths and child counts.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

struct Task {
    std::string name;
    int depth = 0;
    std::vector<std::string> children;
};

class TaskList {
public:
    Task *find(const std::string &name)
    {
        for (auto &t : tasks_)
            if (t.name == name)
                return &t;
        return nullptr;
    }

    Task &add(const std::string &name)
    {
        tasks_.push_back(Task{name, 0, {}});
        return tasks_.back();
    }

    bool add_child(const std::string &parent_name, const std::string &name)
    {
        Task *parent = find(parent_name);
        if (parent == nullptr)
            return false;
        Task &child = add(name);
        child.depth = parent->depth + 1;
        parent->children.push_back(name);
        return true;
    }

    void print(std::ostream &os) const
    {
        for (const auto &t : tasks_) {
            os << std::string(static_cast<size_t>(t.depth) * 2, ' ') << t.name
               << " (" << t.children.size() << " subtasks)\n";
        }
    }

private:
    std::vector<Task> tasks_;
};

static bool parse_line(const std::string &line, std::string &kind,
                       std::string &a, std::string &b)
{
    std::istringstream in(line);
    if (!(in >> kind))
        return false;
    if (kind == "task")
        return static_cast<bool>(in >> a);
    if (kind == "sub")
        return static_cast<bool>(in >> a >> b);
    return false;
}

static int load_outline(const char *path, TaskList &list)
{
    std::ifstream file(path);
    if (!file) {
        std::cerr << "cannot open " << path << "\n";
        return -1;
    }
    std::string line;
    int lineno = 0;
    while (std::getline(file, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#')
            continue;
        std::string kind, a, b;
        if (!parse_line(line, kind, a, b)) {
            std::cerr << path << ":" << lineno << ": malformed line\n";
            continue;
        }
        if (kind == "task") {
            if (list.find(a) == nullptr)
                list.add(a);
        } else if (!list.add_child(a, b)) {
            std::cerr << path << ":" << lineno << ": unknown parent " << a << "\n";
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " OUTLINE\n";
        return 2;
    }
    TaskList list;
    if (load_outline(argv[1], list) != 0)
        return 1;
    list.print(std::cout);
    return 0;
}
