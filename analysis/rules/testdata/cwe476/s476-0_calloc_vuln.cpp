// 476-0 (C++): std::calloc through static_cast, used at once.
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
    auto *p = static_cast<Person *>(std::calloc(1, sizeof(Person)));
    p->status = 0; // want CWE-476
    std::cout << "status " << p->status << "\n";
    std::free(p);
    return 0;
}
