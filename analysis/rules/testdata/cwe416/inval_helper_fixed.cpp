// The head is read after the helpers have appended; a helper that only
// reads the log does not invalidate what was taken of it.
#include <iostream>
#include <string>
#include <vector>

static void record(std::vector<std::string> &log, const std::string &what) {
    log.emplace_back("event: " + what);
}

static std::size_t count(const std::vector<std::string> &log) {
    return log.size();
}

static std::size_t copy_count(std::vector<std::string> log) {
    log.push_back("copy");
    return log.size();
}

int main(int argc, char *argv[]) {
    std::vector<std::string> log;
    record(log, "start");
    for (int i = 1; i < argc; i++)
        record(log, argv[i]);
    std::string &head = log.front();
    std::cout << head << " of " << count(log) << " " << copy_count(log) << "\n";
    std::cout << head << "\n";
    return 0;
}
