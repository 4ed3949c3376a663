// Audit logger: appends events from stdin to a daily audit log file under the given log directory.
#include <sys/stat.h>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>

class AuditLog {
public:
    explicit AuditLog(const std::string& dir) {
        char day[16];
        std::time_t now = std::time(nullptr);
        std::strftime(day, sizeof day, "%Y%m%d", std::localtime(&now));
        path_ = dir + "/audit-" + day + ".log";
    }

    bool open() {
        out_.open(path_, std::ios::app);
        if (!out_)
            return false;
        // other services append to the same daily file
        return ::chmod(path_.c_str(), 0666) == 0;
    }

    void record(const std::string& user, const std::string& action) {
        out_ << std::time(nullptr) << " " << user << " " << action << "\n";
        ++count_;
    }

    int count() const { return count_; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::ofstream out_;
    int count_ = 0;
};

int main(int argc, char** argv) {
    AuditLog log(argc > 1 ? argv[1] : "/var/log/audit-app");
    if (!log.open()) {
        std::cerr << "cannot open " << log.path() << "\n";
        return 1;
    }
    std::string user, action;
    while (std::cin >> user && std::getline(std::cin >> std::ws, action))
        log.record(user, action);
    std::cerr << log.count() << " event(s) written to " << log.path() << "\n";
    return 0;
}
