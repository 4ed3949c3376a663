// A class counts answers in a member array; an answer outside the array
// is refused before it indexes it.
#include <iostream>

class Tally {
public:
    bool add(int answer);
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

bool Tally::add(int answer) {
    if (answer < 0 || answer >= 8)
        return false;
    counts_[answer]++;
    return true;
}
