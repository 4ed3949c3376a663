// Backup helper: reads "name directory" jobs from a job file and archives each directory with tar.
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

struct Job {
    std::string name;
    std::string dir;
};

static bool valid_name(const std::string& n) {
    if (n.empty() || n.size() > 64)
        return false;
    for (char c : n)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
            return false;
    return true;
}

class Archiver {
public:
    explicit Archiver(std::string outdir) : outdir_(std::move(outdir)) {}

    int run(const Job& job) {
        if (!valid_name(job.name)) {
            std::cerr << "bad job name: " << job.name << "\n";
            return -1;
        }
        std::string archive = outdir_ + "/" + job.name + ".tgz";
        std::string cmd = "tar -czf '" + archive + "' " + job.dir + " 2>&1";
        FILE* p = popen(cmd.c_str(), "r");
        if (!p)
            return -1;
        char buf[256];
        while (fgets(buf, sizeof buf, p))
            std::cerr << "tar: " << buf;
        int rc = pclose(p);
        if (rc == 0)
            ++done_;
        return rc;
    }

    int done() const { return done_; }

private:
    std::string outdir_;
    int done_ = 0;
};

static bool parse_job(const std::string& line, Job& job) {
    size_t sp = line.find(' ');
    if (sp == std::string::npos || sp + 1 >= line.size())
        return false;
    job.name = line.substr(0, sp);
    job.dir = line.substr(sp + 1);
    return true;
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " JOBFILE [OUTDIR]\n";
        return 2;
    }
    std::ifstream jobs(argv[1]);
    Archiver arch(argc > 2 ? argv[2] : ".");
    std::string line;
    while (std::getline(jobs, line)) {
        Job job;
        if (line.empty() || line[0] == '#' || !parse_job(line, job))
            continue;
        arch.run(job);
    }
    std::cout << arch.done() << " archives written\n";
    return 0;
}
