// Reads a service config file and caches the OAuth access token it contains in the configured state directory.
#include <sys/stat.h>
#include <sys/types.h>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

namespace fs = std::filesystem;

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

bool load_config(const std::string &path, std::map<std::string, std::string> &out)
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
        out[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
    }
    return true;
}

bool valid_client_id(const std::string &id)
{
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

void init_process()
{
    std::signal(SIGPIPE, SIG_IGN);
    umask(077);
}

class TokenCache {
public:
    explicit TokenCache(fs::path dir) : dir_(std::move(dir)) {}

    bool store(const std::string &client_id, const std::string &token)
    {
        std::error_code ec;
        fs::create_directories(dir_, ec);
        if (ec) {
            std::cerr << "cannot create " << dir_ << ": " << ec.message() << "\n";
            return false;
        }
        fs::path file = dir_ / ("token-" + client_id);
        std::ofstream out(file, std::ios::trunc);
        if (!out) {
            std::cerr << "cannot write " << file << "\n";
            return false;
        }
        out << "client_id=" << client_id << "\n";
        out << "access_token=" << token << "\n";
        out.close();
        if (!out) {
            std::cerr << "write failed for " << file << "\n";
            return false;
        }
        last_ = file;
        return true;
    }

    const fs::path &last_file() const { return last_; }

private:
    fs::path dir_;
    fs::path last_;
};

}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " CONFIG\n";
        return 2;
    }
    init_process();

    std::map<std::string, std::string> cfg;
    if (!load_config(argv[1], cfg)) {
        std::cerr << "cannot read " << argv[1] << "\n";
        return 1;
    }
    auto dir = cfg.find("state_dir");
    auto id = cfg.find("client_id");
    auto tok = cfg.find("access_token");
    if (dir == cfg.end() || id == cfg.end() || tok == cfg.end()) {
        std::cerr << "config needs state_dir, client_id and access_token\n";
        return 1;
    }
    if (!valid_client_id(id->second)) {
        std::cerr << "bad client_id\n";
        return 1;
    }
    if (tok->second.find_first_of("\r\n") != std::string::npos) {
        std::cerr << "bad access_token\n";
        return 1;
    }

    TokenCache cache(dir->second);
    if (!cache.store(id->second, tok->second))
        return 1;
    std::cout << "token cached in " << cache.last_file().string() << "\n";
    return 0;
}
