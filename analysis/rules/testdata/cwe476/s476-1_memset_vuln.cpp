// 476-1 (C++): std::memset on the unchecked record.
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
    Person *member = static_cast<Person *>(std::malloc(sizeof(Person)));

    // set the status of the new person to 0 (pending)
    std::memset(member, 0, sizeof(Person)); // want CWE-476
    member->status = 0;
    std::free(member);
    return 0;
}
