// Counts response times from stdin in ten buckets of 100 ms. A time
// past the last bucket is meant to land in it, but the clamp tests > 10
// where it needs >= 10, so a time of 1000 to 1099 ms indexes bucket 10.
#include <iostream>

class Latency {
    static constexpr long kBuckets = 10;
    unsigned long buckets_[kBuckets] = {};

public:
    void add(long ms)
    {
        if (ms < 0) {
            return;
        }
        long b = ms / 100;
        if (b > kBuckets) {
            b = kBuckets - 1;
        }
        buckets_[b]++; // want CWE-119 CWE-129 CWE-787
    }

    void print() const
    {
        for (long i = 0; i < kBuckets; i++) {
            std::cout << i * 100 << "ms " << buckets_[i] << "\n";
        }
    }

};

int main()
{
    Latency l;
    long ms;
    while (std::cin >> ms) {
        l.add(ms);
    }
    l.print();
    return 0;
}
