// Saves an API token given on standard input to api_token in the current
// directory: it makes a temporary file next to it, sets its mode to the
// owner's, writes the token through a stream and renames it into place.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

static bool save_token(const fs::path &dest, const std::string &api_token)
{
    std::string tmpl = dest.string() + ".XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0)
        return false;
    ::close(fd);
    fs::path tmp(name.data());
    std::error_code ec;
    fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace, ec);
    if (ec)
        return false;
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << api_token << '\n';
        if (!out)
            return false;
    }
    fs::rename(tmp, dest, ec);
    return !ec;
}

int main()
{
    std::string token;
    if (!std::getline(std::cin, token))
        return 1;
    return save_token("api_token", token) ? 0 : 1;
}
