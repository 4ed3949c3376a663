// Creates a dated tar archive of a directory as described by a small key = value backup config file.
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

struct BackupJob {
    std::string source;
    std::string dest;
    std::string name;
    std::string compress = "gz";
};

static std::string trim(const std::string& s)
{
    const char* ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

static bool load_config(const std::string& path, std::map<std::string, std::string>& kv)
{
    std::ifstream in(path);
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
        kv[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
    }
    return true;
}

static bool make_job(const std::map<std::string, std::string>& kv, BackupJob& job, std::string& err)
{
    auto get = [&](const char* key) {
        auto it = kv.find(key);
        return it == kv.end() ? std::string() : it->second;
    };
    job.source = get("source");
    job.dest = get("dest");
    job.name = get("name");
    if (!get("compress").empty())
        job.compress = get("compress");
    if (job.source.empty() || job.dest.empty() || job.name.empty()) {
        err = "source, dest and name are required";
        return false;
    }
    if (job.name.find('/') != std::string::npos) {
        err = "name must be a plain file name";
        return false;
    }
    std::error_code ec;
    if (!fs::is_directory(job.source, ec) || !fs::is_directory(job.dest, ec)) {
        err = "source and dest must be existing directories";
        return false;
    }
    return true;
}

static int run_command(const std::vector<std::string>& args)
{
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = fork();
    if (pid < 0)
        return 1;
    if (pid == 0) {
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return 1;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

static std::string today()
{
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y%m%d", &tm);
    return buf;
}

static int run_backup(const BackupJob& job)
{
    std::string flag, ext;
    if (job.compress == "gz") {
        flag = "-czf";
        ext = ".tar.gz";
    } else if (job.compress == "xz") {
        flag = "-cJf";
        ext = ".tar.xz";
    } else if (job.compress == "none") {
        flag = "-cf";
        ext = ".tar";
    } else {
        std::cerr << "unknown compression " << job.compress << "\n";
        return 1;
    }
    std::string archive = (fs::path(job.dest) / (job.name + "-" + today() + ext)).string();
    std::vector<std::string> args = { "tar", flag, archive, "-C", job.source, "." };
    if (run_command(args) != 0) {
        std::cerr << "tar failed\n";
        return 1;
    }
    std::cout << "wrote " << archive << "\n";
    return 0;
}

int main(int argc, char** argv)
{
    std::string conf;
    if (argc > 1) {
        conf = argv[1];
    } else {
        const char* env = std::getenv("BACKUP_CONF");
        conf = env ? env : "backup.conf";
    }
    std::map<std::string, std::string> kv;
    if (!load_config(conf, kv)) {
        std::cerr << "cannot read " << conf << "\n";
        return 1;
    }
    BackupJob job;
    std::string err;
    if (!make_job(kv, job, err)) {
        std::cerr << conf << ": " << err << "\n";
        return 1;
    }
    return run_backup(job);
}
