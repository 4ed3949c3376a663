// C++: std::stoi and std::cin.
#include <iostream>
#include <string>

int main(int argc, char *argv[]) {
    int value = std::stoi(argv[1]);
    int n;
    std::cin >> n;
    std::cout << value + 1000 << " " << n * 4 << "\n"; // want CWE-190 CWE-190
    return 0;
}
