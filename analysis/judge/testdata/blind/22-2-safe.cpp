// Attachment store: answers "get <name>" requests on stdin with the size and first line of a stored file.
#include <climits>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

class AttachmentStore {
public:
    explicit AttachmentStore(std::string root) : root_(std::move(root)) {}

    bool resolve(const std::string& name, std::string& out) const {
        if (name.empty() || name[0] == '/')
            return false;
        char base[PATH_MAX], full[PATH_MAX];
        std::string joined = root_ + "/" + name;
        if (!realpath(root_.c_str(), base) || !realpath(joined.c_str(), full))
            return false;
        std::string prefix = std::string(base) + "/";
        if (std::string(full).compare(0, prefix.size(), prefix) != 0)
            return false;
        out = full;
        return true;
    }

    bool describe(const std::string& name, std::ostream& os) const {
        std::string path;
        if (!resolve(name, path))
            return false;
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return false;
        std::string first;
        std::getline(in, first);
        in.clear();
        in.seekg(0, std::ios::end);
        os << name << ": " << in.tellg() << " bytes, \"" << first << "\"\n";
        return true;
    }

private:
    std::string root_;
};

int main(int argc, char** argv) {
    const char* root = argc > 1 ? argv[1] : "/srv/attachments";
    AttachmentStore store(root);
    std::string cmd, name;
    while (std::cin >> cmd >> name) {
        if (cmd != "get") {
            std::cout << "unknown command\n";
            continue;
        }
        if (!store.describe(name, std::cout))
            std::cout << name << ": not found\n";
    }
    return 0;
}
