// Enables the plugins named in a comma-separated list from the
// environment: registry_find returns nullptr for a name it does not
// know, the result is kept in a variable and appended to the list of
// active plugins untested, and start_all calls each one.
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

struct Plugin {
    std::string name;
    void start() const { std::cout << "started " << name << "\n"; }
};

static Plugin known[] = {{"audit"}, {"metrics"}, {"cache"}};

static Plugin *registry_find(const std::string &name)
{
    for (Plugin &p : known)
        if (p.name == name)
            return &p;
    return nullptr;
}

class Host {
public:
    void enable(const std::string &list);
    void start_all() const;

private:
    std::vector<Plugin *> active_;
};

void Host::enable(const std::string &list)
{
    std::istringstream in(list);
    std::string name;
    while (std::getline(in, name, ',')) {
        Plugin *p = registry_find(name);
        active_.push_back(p);
    }
}

void Host::start_all() const
{
    for (Plugin *p : active_)
        p->start(); // want CWE-476
}

int main()
{
    const char *list = std::getenv("PLUGINS");
    Host host;
    host.enable(list != nullptr ? list : "audit");
    host.start_all();
    return 0;
}
