// Restores the files a manifest read from stdin lists ("name" lines)
// into a restore directory. The name check rejects absolute names and a
// leading "../" only, so "docs/../../x" climbs out of the directory.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace fs = std::filesystem;

static bool plain_name(const std::string &name)
{
    if (name.empty()) {
        return false;
    }
    fs::path p(name);
    if (p.is_absolute() || p.has_root_directory()) {
        return false;
    }
    if (name.rfind("../", 0) == 0 || name == "..") {
        return false;
    }
    return true;
}

int main()
{
    const fs::path base = "restore";
    std::string name;
    while (std::getline(std::cin, name)) {
        if (!plain_name(name)) {
            std::cerr << "skipping " << name << "\n";
            continue;
        }
        std::ofstream out(base / name); // want CWE-22
        out << "restored\n";
    }
    return 0;
}
