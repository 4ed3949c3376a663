// Plain new throws on failure; nothrow new is checked.
#include <cstring>
#include <new>

struct Person {
    char name[100];
    int status;
};

int main() {
    Person *p = new Person;
    p->status = 0;
    delete p;
    Person *q = new (std::nothrow) Person;
    if (q == nullptr) return 1;
    q->status = 0;
    delete q;
    return 0;
}
