// Reads "host login password" lines from stdin and merges them into the netrc file named by $NETRC or ~/.netrc.
#include <sys/stat.h>
#include <sys/types.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

struct NetrcEntry {
    std::string machine;
    std::string login;
    std::string password;
};

static bool parse_entry(const std::string &line, NetrcEntry &out)
{
    std::istringstream in(line);
    std::string extra;
    if (!(in >> out.machine >> out.login >> out.password))
        return false;
    return !(in >> extra);
}

static std::vector<NetrcEntry> load_netrc(const fs::path &path)
{
    std::vector<NetrcEntry> entries;
    std::ifstream in(path);
    std::string word;
    NetrcEntry cur;
    bool open = false;
    while (in >> word) {
        if (word == "machine") {
            if (open)
                entries.push_back(cur);
            cur = NetrcEntry{};
            open = static_cast<bool>(in >> cur.machine);
        } else if (word == "login" && open) {
            in >> cur.login;
        } else if (word == "password" && open) {
            in >> cur.password;
        }
    }
    if (open)
        entries.push_back(cur);
    return entries;
}

static void merge(std::vector<NetrcEntry> &entries, const NetrcEntry &e)
{
    for (auto &old : entries) {
        if (old.machine == e.machine) {
            old = e;
            return;
        }
    }
    entries.push_back(e);
}

static bool save_netrc(const fs::path &path, const std::vector<NetrcEntry> &entries)
{
    std::ofstream out(path, std::ios::trunc);
    if (!out)
        return false;
    for (const auto &e : entries)
        out << "machine " << e.machine << "\n  login " << e.login << "\n  password " << e.password << "\n";
    out.close();
    if (!out)
        return false;
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add, ec);
    return !ec;
}

static bool netrc_path(fs::path &out)
{
    if (const char *p = std::getenv("NETRC"); p && *p) {
        out = p;
        return true;
    }
    const char *home = std::getenv("HOME");
    if (!home || !*home)
        return false;
    out = fs::path(home) / ".netrc";
    return true;
}

int main()
{
    fs::path path;
    if (!netrc_path(path)) {
        std::cerr << "set NETRC or HOME\n";
        return 2;
    }
    std::vector<NetrcEntry> entries = load_netrc(path);
    std::string line;
    int added = 0;
    while (std::getline(std::cin, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        NetrcEntry e;
        if (!parse_entry(line, e)) {
            std::cerr << "ignoring malformed line\n";
            continue;
        }
        merge(entries, e);
        ++added;
    }
    if (!save_netrc(path, entries)) {
        std::cerr << "cannot write " << path << "\n";
        return 1;
    }
    std::cout << added << " entries merged into " << path << "\n";
    return 0;
}
