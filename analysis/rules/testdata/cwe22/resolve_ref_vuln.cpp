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
    if (name.empty())
        return false;
    path = kThemes + "/" + name;
    return true;
}

int main()
{
    std::string name, path;
    if (!std::getline(std::cin, name) || !theme_path(name, path))
        return 1;
    std::ifstream in(path); // want CWE-22
    std::cout << in.rdbuf();
    return 0;
}
