// The allocation is tested; or new, which throws.
#include <cstdlib>
#include <cstring>
#include <new>

struct Person {
    char name[100];
    int status;
};

class Registry {
public:
    Person *add(const char *name) {
        Person *p = static_cast<Person *>(std::malloc(sizeof(Person)));
        if (!p) throw std::bad_alloc();
        p->status = 0;
        std::strncpy(p->name, name, sizeof p->name - 1);
        return p;
    }
    Person *make() {
        Person *q = new Person();
        q->status = 1;
        return q;
    }
};

int main() {
    Registry r;
    return r.add("x")->status + r.make()->status;
}
