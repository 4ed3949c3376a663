// CWE-20, fixed: the count read with std::cin >> is checked on both
// sides before it bounds the loop over the fixed array.
#include <iostream>

class Histogram {
public:
    void fill(int buckets) {
        for (int i = 0; i < buckets; i++)
            counts_[i] = 0;
        used_ = buckets;
    }
    int used() const { return used_; }

private:
    int counts_[16];
    int used_ = 0;
};

int main() {
    int buckets = 0;
    std::cin >> buckets;
    if (buckets < 0 || buckets > 16) {
        std::cerr << "bad bucket count\n";
        return 1;
    }
    Histogram h;
    h.fill(buckets);
    std::cout << h.used() << "\n";
    return 0;
}
