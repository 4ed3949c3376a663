// C++: new (std::nothrow) returns NULL instead of throwing.
#include <cstring>
#include <new>

struct Person {
    char name[100];
    int status;
};

int main() {
    Person *p = new (std::nothrow) Person;
    p->status = 0; // want CWE-476
    delete p;
    return 0;
}
