// C++: a record is used after delete, and an array deleted twice in a
// loop.
#include <iostream>

struct Record {
    int id;
};

int main(int argc, char *argv[]) {
    Record *r = new Record{argc};
    delete r;
    std::cout << r->id << "\n"; // want CWE-416
    int *data = new int[16];
    for (int i = 0; i < argc; i++) {
        delete[] data; // want CWE-416
    }
    return 0;
}
