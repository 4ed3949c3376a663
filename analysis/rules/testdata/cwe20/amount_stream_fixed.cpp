// CWE-20, fixed: the count read with std::cin >> is checked on both
// sides before it bounds the loop over the member array.
#include <iostream>

class Histogram {
    int counts_[16];
    int used_ = 0;

public:
    bool load() {
        int buckets = 0;
        if (!(std::cin >> buckets) || buckets < 0 || buckets > 16)
            return false;
        for (int i = 0; i < buckets; i++)
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
