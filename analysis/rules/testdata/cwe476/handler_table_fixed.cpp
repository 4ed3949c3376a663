// A command dispatcher reading a script of command names: find_handler
// looks a name up in a static table and returns nullptr when it is not
// there; Script::load skips such a line, so every handler Script::run
// calls is one of the table's.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

struct Handler {
    const char *name;
    void (*run)(std::ostream &out);
};

static void say_hello(std::ostream &out) { out << "hello\n"; }
static void say_time(std::ostream &out) { out << "time unknown\n"; }

static const Handler handlers[] = {
    {"hello", say_hello},
    {"time", say_time},
};

static const Handler *find_handler(const std::string &name)
{
    for (const Handler &h : handlers)
        if (name == h.name)
            return &h;
    return nullptr;
}

class Script {
public:
    void load(std::istream &in);
    void run(std::ostream &out) const;

private:
    std::vector<const Handler *> steps_;
};

void Script::load(std::istream &in)
{
    std::string line;
    while (std::getline(in, line)) {
        const Handler *h = find_handler(line);
        if (h == nullptr) {
            std::cerr << "unknown command " << line << "\n";
            continue;
        }
        steps_.push_back(h);
    }
}

void Script::run(std::ostream &out) const
{
    for (const Handler *h : steps_)
        h->run(out);
}

int main()
{
    Script s;
    s.load(std::cin);
    s.run(std::cout);
    return 0;
}
