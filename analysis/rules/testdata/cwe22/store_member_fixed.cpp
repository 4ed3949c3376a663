// The store class refuses keys holding '/' or "..".
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
    if (key.empty() || key.find('/') != std::string::npos || key.find("..") != std::string::npos) {
        return false;
    }
    std::ofstream out(base_ + "/" + key);
    out << value << "\n";
    return static_cast<bool>(out);
}
