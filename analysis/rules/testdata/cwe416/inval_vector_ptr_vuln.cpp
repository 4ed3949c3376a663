// A pointer to the first reading is kept while more readings are added.
#include <cstdio>
#include <vector>

int main(int argc, char *argv[]) {
    std::vector<double> readings;
    readings.push_back(argc * 1.5);
    double *first = &readings[0];
    for (int i = 1; i < argc; i++) {
        readings.push_back(i * 0.5);
    }
    std::printf("first %f of %zu\n", *first, readings.size()); // want CWE-416
    return 0;
}
