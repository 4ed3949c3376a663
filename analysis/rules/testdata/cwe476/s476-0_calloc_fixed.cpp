// 476-0 (C++): new throws instead of returning null.
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
    Person *p = new Person{};
    p->status = 0;
    std::cout << "status " << p->status << "\n";
    delete p;
    return 0;
}
