// Insertions at the ends of a deque keep references valid, and an
// unordered_map's insertions keep references to its elements valid.
#include <deque>
#include <iostream>
#include <string>
#include <unordered_map>

int main(int argc, char *argv[]) {
    std::deque<int> jobs{3, 1, 4};
    int &front = jobs.front();
    jobs.push_back(argc);
    jobs.push_front(0);
    std::cout << front << "\n";
    std::unordered_map<std::string, int> owners{{"a", 1}, {"b", 2}};
    int &a = owners["a"];
    owners.emplace("c", 3);
    std::cout << a << " " << owners.size() << "\n";
    return 0;
}
