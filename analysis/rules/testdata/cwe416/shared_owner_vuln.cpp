// Reloads a configuration held by a std::shared_ptr when the user asks
// for it, and prints the name of the configuration in use.
#include <iostream>
#include <memory>
#include <string>

struct Config {
    std::string name;
    int workers = 1;
};

int main()
{
    std::shared_ptr<Config> cfg = std::make_shared<Config>();
    cfg->name = "default";
    const Config *current = cfg.get();
    std::string line;
    if (std::getline(std::cin, line) && line == "reload")
        cfg = std::make_shared<Config>(Config{"reloaded", 4});
    std::cout << current->name << " with " << current->workers << " workers\n"; // want CWE-416
    return 0;
}
