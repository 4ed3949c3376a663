// The first reading is read through its index once the readings are in.
#include <cstdio>
#include <vector>

int main(int argc, char *argv[]) {
    std::vector<double> readings;
    readings.push_back(argc * 1.5);
    std::size_t first = 0;
    double *base = readings.data();
    std::printf("base %f\n", base[0]);
    for (int i = 1; i < argc; i++) {
        readings.push_back(i * 0.5);
    }
    base = readings.data();
    std::printf("first %f of %zu, %f\n", readings[first], readings.size(), base[0]);
    return 0;
}
