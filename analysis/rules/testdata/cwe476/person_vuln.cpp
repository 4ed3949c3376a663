// C++ with C allocation, in a class method.
#include <cstdlib>
#include <cstring>

struct Person {
    char name[100];
    int status;
};

class Registry {
public:
    Person *add(const char *name) {
        Person *p = static_cast<Person *>(std::malloc(sizeof(Person)));
        p->status = 0; // want CWE-476
        std::strncpy(p->name, name, sizeof p->name - 1);
        return p;
    }
};

int main() {
    Registry r;
    return r.add("x")->status;
}
