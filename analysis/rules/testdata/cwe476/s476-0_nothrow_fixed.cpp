// 476-0 (C++): new (std::nothrow), checked.
/*
 * Register a new member in the club's records.
 */
#include <cstdlib>
#include <cstring>
#include <iostream>

struct Person {
    char name[64];
    int age;
    int status;
};

int main() {
    std::cout << "registering a new member\n";

    // allocate a new person and set its status to 0 (pending)
    Person *p = new (std::nothrow) Person;
    if (p == nullptr) {
        std::cerr << "out of memory\n";
        return 1;
    }
    p->status = 0;
    std::cout << "status " << p->status << "\n";
    delete p;
    return 0;
}
