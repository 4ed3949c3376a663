// Formats numeric-level log lines from stdin, filtered by the LOG_MIN_LEVEL environment variable, and prints per-level totals.
#include <cstdlib>
#include <cstring>
#include <strings.h>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

const char *const kLevelNames[] = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
constexpr int kNumLevels = static_cast<int>(sizeof(kLevelNames) / sizeof(kLevelNames[0]));

const char *level_name(int level)
{
    if (level < 0 || level >= kNumLevels)
        return nullptr;
    return kLevelNames[level];
}

int level_from_name(const std::string &name)
{
    for (int i = 0; i < kNumLevels; ++i)
        if (strcasecmp(name.c_str(), kLevelNames[i]) == 0)
            return i;
    return -1;
}

struct LogRecord {
    int level = 0;
    std::string timestamp;
    std::string message;
};

bool parse_record(const std::string &line, LogRecord &rec)
{
    std::istringstream in(line);
    std::string lvl;
    if (!(in >> rec.timestamp >> lvl))
        return false;
    char *end = nullptr;
    long v = std::strtol(lvl.c_str(), &end, 10);
    if (end == lvl.c_str() || *end != '\0' || v < -1000 || v > 1000)
        return false;
    rec.level = static_cast<int>(v);
    std::getline(in >> std::ws, rec.message);
    return true;
}

class LogFormatter {
public:
    explicit LogFormatter(int min_level) : min_level_(min_level) {}

    void feed(const std::string &line)
    {
        LogRecord rec;
        if (!parse_record(line, rec)) {
            ++malformed_;
            return;
        }
        const char *name = level_name(rec.level);
        if (name == nullptr) {
            ++malformed_;
            return;
        }
        ++totals_[name];
        if (rec.level >= min_level_)
            std::cout << rec.timestamp << " [" << name << "] " << rec.message << '\n';
    }

    void summary(std::ostream &os) const
    {
        os << "-- totals --\n";
        for (const auto &kv : totals_)
            os << kv.first << ": " << kv.second << '\n';
        os << "malformed: " << malformed_ << '\n';
    }

private:
    int min_level_;
    unsigned long malformed_ = 0;
    std::map<std::string, unsigned long> totals_;
};

int min_level_from_env()
{
    const char *env = std::getenv("LOG_MIN_LEVEL");
    if (env == nullptr || *env == '\0')
        return 0;
    int lvl = level_from_name(env);
    if (lvl < 0) {
        std::cerr << "unknown LOG_MIN_LEVEL '" << env << "', using TRACE\n";
        return 0;
    }
    return lvl;
}

} // namespace

int main()
{
    LogFormatter fmt(min_level_from_env());
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        fmt.feed(line);
    }
    fmt.summary(std::cerr);
    return 0;
}
