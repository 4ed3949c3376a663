// Archives the file named on each line of stdin with tar; a name that
// would end the quoted argument is refused.
#include <cstdlib>
#include <iostream>
#include <string>

static bool usable(const std::string &name)
{
    return !name.empty() && name.find('"') == std::string::npos;
}

int main()
{
    std::string name;
    while (std::getline(std::cin, name)) {
        if (!usable(name))
            continue;
        std::string cmd = "tar -rf backup.tar \"" + name + "\"";
        if (std::system(cmd.c_str()) != 0) // want CWE-78
            std::cerr << "failed: " << name << '\n';
    }
    return 0;
}
