// Reads a backup job description file and creates a compressed tar archive of the configured directory.
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

struct BackupJob {
    std::string name;
    std::string source;
    std::string archive;
    std::vector<std::string> excludes;
};

static std::string trim(const std::string &s)
{
    const char *ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

static bool load_job(const std::string &file, BackupJob &job)
{
    std::ifstream in(file);
    if (!in)
        return false;
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#')
            continue;
        auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        std::string key = trim(line.substr(0, eq));
        std::string val = trim(line.substr(eq + 1));
        if (key == "name")
            job.name = val;
        else if (key == "source")
            job.source = val;
        else if (key == "archive")
            job.archive = val;
        else if (key == "exclude")
            job.excludes.push_back(val);
    }
    return !job.source.empty() && !job.archive.empty();
}

class Archiver {
public:
    explicit Archiver(const BackupJob &job) : job_(job) {}

    int run() const
    {
        std::string cmd = "tar -czf " + quote(job_.archive);
        for (const auto &ex : job_.excludes)
            cmd += " --exclude=" + quote(ex);
        cmd += " -C " + quote(job_.source) + " .";
        int status = std::system(cmd.c_str());
        if (status == -1 || !WIFEXITED(status))
            return -1;
        return WEXITSTATUS(status);
    }

private:
    static std::string quote(const std::string &s) { return "\"" + s + "\""; }

    const BackupJob &job_;
};

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " <job-file>\n";
        return 2;
    }
    BackupJob job;
    if (!load_job(argv[1], job)) {
        std::cerr << "cannot load job from " << argv[1] << "\n";
        return 1;
    }
    std::cout << "backing up " << (job.name.empty() ? job.source : job.name) << " -> " << job.archive << "\n";
    int rc = Archiver(job).run();
    if (rc != 0) {
        std::cerr << "tar failed (" << rc << ")\n";
        return 1;
    }
    std::cout << "done\n";
    return 0;
}
