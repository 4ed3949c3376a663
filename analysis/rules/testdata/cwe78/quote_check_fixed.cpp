// Archives the file named on each line of stdin with tar; a name that
// with anything but letters, digits, '.', '_' and '/' is refused.
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <string>

static bool usable(const std::string &name)
{
    if (name.empty())
        return false;
    for (char ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '_' && ch != '/')
            return false;
    return true;
}

int main()
{
    std::string name;
    while (std::getline(std::cin, name)) {
        if (!usable(name))
            continue;
        std::string cmd = "tar -rf backup.tar \"" + name + "\"";
        if (std::system(cmd.c_str()) != 0)
            std::cerr << "failed: " << name << '\n';
    }
    return 0;
}
