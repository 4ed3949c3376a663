// A class counts answers in a member array; the answer read from stdin
// indexes it unchecked.
#include <iostream>

class Tally {
public:
    void add(int answer);
    int count(int answer) const { return answer >= 0 && answer < 8 ? counts_[answer] : 0; }

private:
    int counts_[8] = {};
};

int main() {
    Tally t;
    int answer = 0;
    while (std::cin >> answer)
        t.add(answer);
    std::cout << t.count(0) << "\n";
    return 0;
}

void Tally::add(int answer) {
    counts_[answer]++; // want CWE-787 CWE-119 CWE-129
}
