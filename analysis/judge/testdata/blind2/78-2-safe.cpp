// Compresses every file listed on stdin with gzip, keeping the originals, and reports totals.
#include <sys/wait.h>
#include <unistd.h>
#include <iostream>
#include <string>
#include <vector>

class Compressor {
public:
    explicit Compressor(std::string level) : level_(std::move(level)) {}

    bool compress(const std::string &file) {
        int status = -1;
        pid_t pid = fork();
        if (pid == 0) {
            execlp("gzip", "gzip", "-k", "-f", level_.c_str(), "--", file.c_str(), (char *)nullptr);
            _exit(127);
        }
        if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
            ++ok_;
            return true;
        }
        failed_.push_back(file);
        return false;
    }

    void report(std::ostream &out) const {
        out << ok_ << " compressed, " << failed_.size() << " failed\n";
        for (const auto &f : failed_)
            out << "  failed: " << f << "\n";
    }

private:
    std::string level_;
    int ok_ = 0;
    std::vector<std::string> failed_;
};

static bool plausible_path(const std::string &line) {
    return !line.empty() && line[0] != '#';
}

int main(int argc, char **argv) {
    std::string level = (argc > 1 && std::string(argv[1]) == "--best") ? "-9" : "-6";
    Compressor c(level);
    std::string line;

    while (std::getline(std::cin, line)) {
        if (!plausible_path(line)) {
            std::cerr << "skipping: " << line << "\n";
            continue;
        }
        c.compress(line);
    }
    c.report(std::cout);
    return 0;
}
