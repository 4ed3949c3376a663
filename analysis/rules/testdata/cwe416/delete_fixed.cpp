// The pointer is reset after delete.
#include <iostream>

struct Record {
    int id;
};

int main(int argc, char *argv[]) {
    Record *r = new Record{argc};
    std::cout << r->id << "\n";
    delete r;
    r = nullptr;
    int *data = new int[16];
    for (int i = 0; i < argc; i++) {
        delete[] data;
        data = nullptr;
    }
    return 0;
}
