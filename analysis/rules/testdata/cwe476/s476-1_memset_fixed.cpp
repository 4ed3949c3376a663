// 476-1 (C++): !member is checked first.
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
    if (!member) {
        std::cerr << "allocation failed\n";
        return 1;
    }
    std::memset(member, 0, sizeof(Person));
    member->status = 0;
    std::free(member);
    return 0;
}
