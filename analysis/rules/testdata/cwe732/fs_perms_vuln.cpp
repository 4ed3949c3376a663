// Prepares a scratch file for a tool and widens its permissions with
// std::filesystem.
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

int main()
{
    fs::path p = fs::temp_directory_path() / "scratch.txt";
    {
        std::ofstream out(p);
        out << "scratch\n";
    }
    std::error_code ec;
    fs::permissions(p, fs::perms::owner_all | fs::perms::group_all | fs::perms::others_all, // want CWE-732:cwe732-world-writable-file
                    fs::perm_options::replace, ec);
    return ec ? 1 : 0;
}
