// Reads a task file named on the command line and prints each task with its command and prerequisites.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

struct Task {
    std::string name;
    std::string command;
    std::vector<std::string> after;
};

class TaskList {
public:
    Task& add(const std::string& name)
    {
        tasks_.push_back(Task{name, "", {}});
        return tasks_.back();
    }

    const Task* find(const std::string& name) const
    {
        for (const auto& t : tasks_)
            if (t.name == name)
                return &t;
        return nullptr;
    }

    const std::vector<Task>& all() const { return tasks_; }

private:
    std::vector<Task> tasks_;
};

static std::string trim(const std::string& s)
{
    const char* ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

static bool define_like(TaskList& list, const std::string& name, const std::string& base, Task*& cur)
{
    const Task* src = list.find(base);
    if (!src) {
        std::cerr << "unknown base task: " << base << "\n";
        return false;
    }
    std::string command = src->command;
    std::vector<std::string> after = src->after;
    Task& t = list.add(name);
    t.command = std::move(command);
    t.after = std::move(after);
    cur = &t;
    return true;
}

static bool load_tasks(std::istream& in, TaskList& list)
{
    std::string line;
    Task* cur = nullptr;
    int lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        line = trim(line);
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream ls(line);
        std::string word;
        ls >> word;
        if (word == "task") {
            std::string name, like, base;
            ls >> name >> like >> base;
            if (name.empty() || list.find(name)) {
                std::cerr << "line " << lineno << ": bad or duplicate task\n";
                return false;
            }
            if (like == "like") {
                if (!define_like(list, name, base, cur))
                    return false;
            } else {
                cur = &list.add(name);
            }
        } else if (word == "run" && cur) {
            std::string rest;
            std::getline(ls, rest);
            cur->command = trim(rest);
        } else if (word == "after" && cur) {
            std::string dep;
            while (ls >> dep)
                cur->after.push_back(dep);
        } else {
            std::cerr << "line " << lineno << ": unexpected '" << word << "'\n";
            return false;
        }
    }
    return true;
}

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " TASKFILE\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    TaskList list;
    if (!load_tasks(in, list))
        return 1;
    for (const auto& t : list.all()) {
        std::cout << t.name << ": " << (t.command.empty() ? "(nothing)" : t.command);
        if (!t.after.empty()) {
            std::cout << " [after";
            for (const auto& d : t.after)
                std::cout << ' ' << d;
            std::cout << ']';
        }
        std::cout << '\n';
    }
    return 0;
}
