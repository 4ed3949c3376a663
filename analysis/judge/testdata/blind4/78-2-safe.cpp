// Creates a compressed tar backup of a directory as described by a key=value backup configuration file.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

class BackupConfig {
public:
    static BackupConfig load(const std::string &path) {
        std::ifstream in(path);
        if (!in)
            throw std::runtime_error("cannot open config " + path);
        BackupConfig cfg;
        std::string line;
        int lineno = 0;
        while (std::getline(in, line)) {
            ++lineno;
            std::string t = trim(line);
            if (t.empty() || t[0] == '#')
                continue;
            auto eq = t.find('=');
            if (eq == std::string::npos)
                throw std::runtime_error("line " + std::to_string(lineno) + ": expected key=value");
            cfg.values_[trim(t.substr(0, eq))] = trim(t.substr(eq + 1));
        }
        return cfg;
    }

    std::string get(const std::string &key, const std::string &def = "") const {
        auto it = values_.find(key);
        return it == values_.end() ? def : it->second;
    }

private:
    static std::string trim(const std::string &s) {
        const char *ws = " \t\r\n";
        auto b = s.find_first_not_of(ws);
        if (b == std::string::npos)
            return "";
        auto e = s.find_last_not_of(ws);
        return s.substr(b, e - b + 1);
    }

    std::map<std::string, std::string> values_;
};

static std::string shell_quote(const std::string &arg) {
    std::string out = "'";
    for (char c : arg) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += '\'';
    return out;
}

class BackupJob {
public:
    explicit BackupJob(const BackupConfig &cfg)
        : source_(cfg.get("source")), archive_(cfg.get("archive", "backup.tar.gz")),
          exclude_(cfg.get("exclude")) {
        if (source_.empty())
            throw std::runtime_error("config has no source directory");
    }

    std::string command() const {
        std::string cmd = "tar -czf " + shell_quote(archive_);
        if (!exclude_.empty())
            cmd += " --exclude=" + shell_quote(exclude_);
        cmd += " -C " + shell_quote(source_) + " .";
        return cmd;
    }

    int run() const {
        std::string cmd = command();
        std::cout << "running: " << cmd << "\n";
        return std::system(cmd.c_str());
    }

private:
    std::string source_;
    std::string archive_;
    std::string exclude_;
};

int main(int argc, char **argv) {
    std::string conf;
    if (argc > 1) {
        conf = argv[1];
    } else if (const char *env = std::getenv("BACKUP_CONFIG")) {
        conf = env;
    } else {
        std::cerr << "usage: " << argv[0] << " CONFIG (or set BACKUP_CONFIG)\n";
        return 2;
    }
    try {
        BackupJob job(BackupConfig::load(conf));
        int rc = job.run();
        if (rc != 0) {
            std::cerr << "backup failed (status " << rc << ")\n";
            return 1;
        }
        std::cout << "backup complete\n";
    } catch (const std::exception &e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
