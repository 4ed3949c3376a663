// A command dispatcher reading a script of command names: find_handler
// looks a name up in a static table and returns nullptr when it is not
// there; Script::load stores the result for each line and Script::run
// calls each stored handler without testing it.
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
    while (std::getline(in, line))
        steps_.push_back(find_handler(line));
}

void Script::run(std::ostream &out) const
{
    for (const Handler *h : steps_)
        h->run(out); // want CWE-476
}

int main()
{
    Script s;
    s.load(std::cin);
    s.run(std::cout);
    return 0;
}
