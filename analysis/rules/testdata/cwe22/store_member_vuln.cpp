// A store class opens the file of a key read from stdin under its base directory.
#include <fstream>
#include <iostream>
#include <string>

class KeyStore {
public:
    explicit KeyStore(std::string base) : base_(std::move(base)) {}
    bool save(const std::string &key, const std::string &value) const;

private:
    std::string base_;
};

int main() {
    KeyStore store("/var/lib/kv");
    std::string key, value;
    while (std::cin >> key >> value) {
        store.save(key, value);
    }
    return 0;
}

bool KeyStore::save(const std::string &key, const std::string &value) const {
    std::ofstream out(base_ + "/" + key); // want CWE-22
    out << value << "\n";
    return static_cast<bool>(out);
}
