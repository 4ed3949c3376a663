// Jobs are queued at both ends of a deque while an iterator walks it,
// and a job list keyed by name gains entries while it is walked.
#include <deque>
#include <iostream>
#include <string>
#include <unordered_map>

int main(int argc, char *argv[]) {
    std::deque<int> jobs{3, 1, 4};
    auto it = jobs.begin();
    jobs.push_front(argc);
    std::cout << *it << "\n"; // want CWE-416
    std::unordered_map<std::string, int> owners{{"a", 1}, {"b", 2}};
    for (auto &kv : owners) {
        if (kv.second > 1)
            owners.emplace(kv.first + "-backup", kv.second); // want CWE-416
    }
    std::cout << owners.size() << "\n";
    return 0;
}
