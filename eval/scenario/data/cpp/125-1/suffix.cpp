
int main() {
    int index;
    std::cout << "index: ";
    if (!(std::cin >> index)) {
        return 1;
    }
    std::cout << getIdFromArray(index) << "\n";
    return 0;
}
