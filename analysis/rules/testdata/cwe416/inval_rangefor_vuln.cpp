// Every word longer than four letters gets its plural appended.
#include <iostream>
#include <string>
#include <vector>

int main() {
    std::vector<std::string> words;
    std::string w;
    while (std::cin >> w)
        words.push_back(w);
    for (const auto &word : words) {
        if (word.size() > 4)
            words.push_back(word + "s"); // want CWE-416
    }
    std::cout << words.size() << "\n";
    return 0;
}
