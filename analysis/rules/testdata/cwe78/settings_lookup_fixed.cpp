// Reads host = NAME from the settings file named on the command line and
// pings that host. The settings are kept in a class whose static reader
// fills its map and whose lookup returns what the map holds; a host that
// is not made of lower-case letters, digits, dots and dashes is refused.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

class Settings {
public:
    static Settings read(const std::string &path)
    {
        Settings s;
        std::ifstream in(path);
        std::string line;
        while (std::getline(in, line)) {
            auto eq = line.find('=');
            if (eq != std::string::npos)
                s.entries_[line.substr(0, eq)] = line.substr(eq + 1);
        }
        return s;
    }

    std::string value(const std::string &key) const
    {
        auto it = entries_.find(key);
        return it == entries_.end() ? std::string() : it->second;
    }

private:
    std::map<std::string, std::string> entries_;
};

static bool plain_host(const std::string &h)
{
    if (h.empty())
        return false;
    for (char c : h) {
        if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '.' && c != '-')
            return false;
    }
    return true;
}

static int ping(const Settings &cfg);

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    Settings cfg = Settings::read(argv[1]);
    return ping(cfg) == 0 ? 0 : 1;
}

static int ping(const Settings &cfg)
{
    std::string host = cfg.value("host");
    if (!plain_host(host))
        return -1;
    std::string cmd = "ping -c 1 " + host;
    return std::system(cmd.c_str());
}
