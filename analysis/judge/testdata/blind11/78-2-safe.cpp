// Reads a backup job description file and creates a compressed tar archive of the configured directory.
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

namespace {

std::string trim(const std::string &s)
{
    const char *ws = " \t\r\n";
    auto b = s.find_first_not_of(ws);
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

class JobConfig {
public:
    static JobConfig load(const std::string &file)
    {
        std::ifstream in(file);
        if (!in)
            throw std::runtime_error("cannot open " + file);
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
                throw std::runtime_error(file + ":" + std::to_string(lineno) + ": expected key = value");
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
    std::map<std::string, std::string> values_;
};

std::string shell_quote(const std::string &arg)
{
    std::string out = "'";
    for (char c : arg) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += "'";
    return out;
}

std::string date_stamp()
{
    std::time_t now = std::time(nullptr);
    std::tm tmv{};
    localtime_r(&now, &tmv);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d", &tmv);
    return buf;
}

std::string build_command(const JobConfig &cfg)
{
    std::string source = cfg.get("source");
    std::string dest = cfg.get("destination", ".");
    std::string label = cfg.get("label", "backup");
    if (source.empty())
        throw std::runtime_error("no source directory configured");
    std::string archive = dest + "/" + label + "-" + date_stamp() + ".tar.gz";
    return "tar -czf " + shell_quote(archive) + " -C " + shell_quote(source) + " .";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " JOBFILE\n";
        return 2;
    }
    try {
        JobConfig cfg = JobConfig::load(argv[1]);
        std::string cmd = build_command(cfg);
        std::cout << "running: " << cmd << std::endl;
        int rc = std::system(cmd.c_str());
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
