// A CGI handler in C++: PUT /files/NAME stores the body through a store
// class that refuses ".." in the name, and nothing else.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>

class FileStore {
public:
    explicit FileStore(std::filesystem::path root) : root_(std::move(root)) {}
    bool put(const std::string &name, const std::string &body) const;

private:
    std::filesystem::path root_;
};

int main() {
    const char *method = std::getenv("REQUEST_METHOD");
    const char *info = std::getenv("PATH_INFO");
    if (method == nullptr || info == nullptr || std::string(method) != "PUT") {
        std::cout << "Status: 405\r\n\r\n";
        return 1;
    }
    std::string name(info);
    if (name.size() < 2 || name[0] != '/') {
        std::cout << "Status: 400\r\n\r\n";
        return 1;
    }
    name.erase(0, 1);
    std::string body((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    FileStore store("/var/www/html/files");
    std::cout << (store.put(name, body) ? "Status: 201\r\n\r\n" : "Status: 400\r\n\r\n");
    return 0;
}

bool FileStore::put(const std::string &name, const std::string &body) const {
    if (name.find("..") != std::string::npos || name.find('/') != std::string::npos) {
        return false;
    }
    std::ofstream out(root_ / name, std::ios::binary); // want CWE-434
    out << body;
    return static_cast<bool>(out);
}
