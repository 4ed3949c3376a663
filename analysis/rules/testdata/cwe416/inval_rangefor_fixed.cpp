// Plurals are collected apart and appended after the walk; one insertion
// that ends the walk is fine too.
#include <iostream>
#include <string>
#include <vector>

int main() {
    std::vector<std::string> words;
    std::string w;
    while (std::cin >> w)
        words.push_back(w);
    std::vector<std::string> plurals;
    for (const auto &word : words) {
        if (word.size() > 4)
            plurals.push_back(word + "s");
    }
    words.insert(words.end(), plurals.begin(), plurals.end());
    for (const auto &word : words) {
        if (word.empty()) {
            words.push_back("(empty)");
            break;
        }
    }
    for (std::size_t i = 0; i < words.size(); i++) {
        if (words[i].size() > 10)
            words.push_back(words[i].substr(0, 10));
    }
    std::cout << words.size() << "\n";
    return 0;
}
