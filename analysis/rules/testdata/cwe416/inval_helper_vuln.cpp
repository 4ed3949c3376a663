// A cursor into the log is kept across a call that appends to the log.
#include <iostream>
#include <string>
#include <vector>

static void record(std::vector<std::string> &log, const std::string &what) {
    log.emplace_back("event: " + what);
}

static void record_twice(std::vector<std::string> &log, const std::string &what) {
    record(log, what);
    record(log, what + " (again)");
}

int main(int argc, char *argv[]) {
    std::vector<std::string> log;
    record(log, "start");
    std::string &head = log.front();
    for (int i = 1; i < argc; i++)
        record_twice(log, argv[i]);
    std::cout << head << " of " << log.size() << "\n"; // want CWE-416
    return 0;
}
