// CWE-20: a count read with std::cin >> bounds a loop that writes a
// member array; only the lower side is checked.
#include <iostream>

class Histogram {
    int counts_[16];
    int used_ = 0;

public:
    bool load() {
        int buckets = 0;
        if (!(std::cin >> buckets) || buckets < 0)
            return false;
        for (int i = 0; i < buckets; i++) // want CWE-20
            counts_[i] = 0;
        used_ = buckets;
        return true;
    }
    int used() const { return used_; }
};

int main() {
    Histogram h;
    if (!h.load()) {
        std::cerr << "bad bucket count\n";
        return 1;
    }
    std::cout << h.used() << "\n";
    return 0;
}
