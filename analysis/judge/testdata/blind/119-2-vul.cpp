// Sensor monitor: keeps the most recent readings from stdin in a ring buffer and prints a moving average.
#include <cstddef>
#include <iostream>
#include <memory>

class SampleWindow {
public:
    static constexpr std::size_t kSize = 8;

    void add(int value) {
        samples_[head_] = value;
        head_++;
        if (head_ > kSize)
            head_ = 0;
        if (count_ < kSize)
            count_++;
    }

    double average() const {
        if (count_ == 0)
            return 0.0;
        long sum = 0;
        for (std::size_t i = 0; i < count_; ++i)
            sum += samples_[i];
        return static_cast<double>(sum) / static_cast<double>(count_);
    }

    std::size_t count() const { return count_; }

private:
    std::size_t head_ = 0;
    std::size_t count_ = 0;
    int samples_[kSize] = {};
};

int main() {
    auto window = std::make_unique<SampleWindow>();
    int reading;
    long seen = 0;
    while (std::cin >> reading) {
        window->add(reading);
        ++seen;
        if (seen % 4 == 0)
            std::cout << "after " << seen << " readings: avg " << window->average() << "\n";
    }
    std::cout << "final avg over " << window->count() << ": " << window->average() << "\n";
    return 0;
}
