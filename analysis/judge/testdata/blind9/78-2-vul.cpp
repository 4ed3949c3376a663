// Runs the tar backup jobs described in an INI-style job file given on the command line.
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <sys/wait.h>
#include <vector>

struct BackupJob {
    std::string name;
    std::string source;
    std::string dest;
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

static std::vector<BackupJob> load_jobs(std::istream &in)
{
    std::vector<BackupJob> jobs;
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#' || line[0] == ';')
            continue;
        if (line.front() == '[' && line.back() == ']') {
            jobs.push_back(BackupJob{});
            jobs.back().name = trim(line.substr(1, line.size() - 2));
            continue;
        }
        auto eq = line.find('=');
        if (eq == std::string::npos || jobs.empty())
            continue;
        std::string key = trim(line.substr(0, eq));
        std::string val = trim(line.substr(eq + 1));
        BackupJob &job = jobs.back();
        if (key == "source")
            job.source = val;
        else if (key == "dest")
            job.dest = val;
        else if (key == "exclude")
            job.excludes.push_back(val);
    }
    return jobs;
}

static std::string quote_arg(const std::string &s)
{
    return "\"" + s + "\"";
}

static std::string today()
{
    char buf[16];
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    std::strftime(buf, sizeof buf, "%Y%m%d", &tm);
    return buf;
}

static std::string build_command(const BackupJob &job, const std::string &stamp)
{
    std::string archive = job.dest + "/" + job.name + "-" + stamp + ".tar.gz";
    std::string cmd = "tar -czf " + quote_arg(archive);
    for (const auto &ex : job.excludes)
        cmd += " --exclude=" + quote_arg(ex);
    cmd += " -C " + quote_arg(job.source) + " .";
    return cmd;
}

static bool run_job(const BackupJob &job, const std::string &stamp, bool dry_run)
{
    if (job.name.empty() || job.source.empty() || job.dest.empty()) {
        std::cerr << "job '" << job.name << "' is incomplete, skipped\n";
        return false;
    }
    std::string cmd = build_command(job, stamp);
    std::cout << "[" << job.name << "] " << cmd << "\n";
    if (dry_run)
        return true;
    int rc = std::system(cmd.c_str());
    if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0) {
        std::cerr << "[" << job.name << "] tar failed\n";
        return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    bool dry_run = false;
    std::string file;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-n")
            dry_run = true;
        else
            file = a;
    }
    if (file.empty()) {
        std::cerr << "usage: " << argv[0] << " [-n] JOBFILE\n";
        return 2;
    }
    std::ifstream in(file);
    if (!in) {
        std::cerr << "cannot open " << file << "\n";
        return 1;
    }
    std::vector<BackupJob> jobs = load_jobs(in);
    std::string stamp = today();
    int failed = 0;
    for (const auto &job : jobs)
        if (!run_job(job, stamp, dry_run))
            ++failed;
    std::cout << jobs.size() << " job(s), " << failed << " failed\n";
    return failed ? 1 : 0;
}
