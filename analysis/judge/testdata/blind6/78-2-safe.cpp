// Reads a backup job config file (key=value lines) and creates a tar.gz archive of the configured source directory.
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

class JobConfig {
public:
    static JobConfig load(const std::string &path)
    {
        std::ifstream in(path);
        if (!in)
            throw std::runtime_error("cannot open config " + path);
        JobConfig cfg;
        std::string line;
        int lineno = 0;
        while (std::getline(in, line)) {
            ++lineno;
            line = trim(line);
            if (line.empty() || line[0] == '#')
                continue;
            auto eq = line.find('=');
            if (eq == std::string::npos)
                throw std::runtime_error("line " + std::to_string(lineno) + ": expected key=value");
            cfg.values_[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
        }
        return cfg;
    }

    std::string get(const std::string &key, const std::string &def = "") const
    {
        auto it = values_.find(key);
        return it == values_.end() ? def : it->second;
    }

private:
    static std::string trim(const std::string &s)
    {
        auto b = s.find_first_not_of(" \t\r");
        if (b == std::string::npos)
            return "";
        auto e = s.find_last_not_of(" \t\r");
        return s.substr(b, e - b + 1);
    }

    std::map<std::string, std::string> values_;
};

struct BackupJob {
    std::string name;
    std::string source;
    std::string dest;
};

static bool is_plain_path(const std::string &s)
{
    if (s.empty() || s[0] == '-')
        return false;
    for (unsigned char c : s) {
        if (!(std::isalnum(c) || c == '.' || c == '_' || c == '/' || c == '-'))
            return false;
    }
    return true;
}

static BackupJob make_job(const JobConfig &cfg)
{
    BackupJob job;
    job.name = cfg.get("name");
    job.source = cfg.get("source");
    job.dest = cfg.get("dest", ".");
    if (job.name.empty())
        throw std::runtime_error("config: name is required");
    if (!is_plain_path(job.name) || job.name.find('/') != std::string::npos)
        throw std::runtime_error("config: invalid name '" + job.name + "'");
    if (!is_plain_path(job.source))
        throw std::runtime_error("config: invalid source '" + job.source + "'");
    if (!is_plain_path(job.dest))
        throw std::runtime_error("config: invalid dest '" + job.dest + "'");
    return job;
}

static std::string archive_path(const BackupJob &job)
{
    return job.dest + "/" + job.name + ".tar.gz";
}

static int run_backup(const BackupJob &job)
{
    std::string cmd = "tar -czf " + archive_path(job) + " -C " + job.source + " .";
    std::cout << "running: " << cmd << "\n";
    int rc = std::system(cmd.c_str());
    if (rc != 0) {
        std::cerr << "backup '" << job.name << "' failed (status " << rc << ")\n";
        return 1;
    }
    std::cout << "wrote " << archive_path(job) << "\n";
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " JOB.conf\n";
        return 2;
    }
    try {
        JobConfig cfg = JobConfig::load(argv[1]);
        return run_backup(make_job(cfg));
    } catch (const std::exception &ex) {
        std::cerr << "error: " << ex.what() << "\n";
        return 1;
    }
}
