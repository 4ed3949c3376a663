
int main() {
    const int scores[4] = {12, 47, 33, 90};
    int index;
    if (!(std::cin >> index)) {
        return 1;
    }
    std::cout << getValueFromArray(scores, 4, index) << "\n";
    return 0;
}
