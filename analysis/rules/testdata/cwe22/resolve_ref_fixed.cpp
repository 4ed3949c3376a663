// Prints a theme file named on stdin from the themes directory; a helper
// resolves the name into a path it hands back through a reference.
#include <climits>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

static const std::string kThemes = "/usr/share/app/themes";

static bool theme_path(const std::string &name, std::string &path)
{
    char base[PATH_MAX], real[PATH_MAX];
    std::string joined = kThemes + "/" + name;
    if (realpath(kThemes.c_str(), base) == nullptr || realpath(joined.c_str(), real) == nullptr)
        return false;
    std::string dir = std::string(base) + "/";
    if (std::string(real).compare(0, dir.size(), dir) != 0)
        return false;
    path = real;
    return true;
}

int main()
{
    std::string name, path;
    if (!std::getline(std::cin, name) || !theme_path(name, path))
        return 1;
    std::ifstream in(path);
    std::cout << in.rdbuf();
    return 0;
}
