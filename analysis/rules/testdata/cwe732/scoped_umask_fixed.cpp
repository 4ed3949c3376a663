// Writes the API token read from standard input to api.token. The writer
// sets the umask for its scope with an object whose constructor calls
// umask() and whose destructor puts the old one back; the mask it sets
// takes every bit from group and others.
#include <fstream>
#include <iostream>
#include <string>
#include <sys/stat.h>
#include <sys/types.h>

class MaskScope {
public:
    explicit MaskScope(mode_t bits) : saved_(::umask(bits)) {}
    ~MaskScope() { ::umask(saved_); }
    MaskScope(const MaskScope &) = delete;
    MaskScope &operator=(const MaskScope &) = delete;

private:
    mode_t saved_;
};

static bool store(const std::string &api_token)
{
    std::ofstream out("api.token", std::ios::trunc);
    out << api_token << '\n';
    return static_cast<bool>(out);
}

static bool save(const std::string &api_token)
{
    MaskScope scope(S_IRWXG | S_IRWXO);
    return store(api_token);
}

int main()
{
    std::string api_token;
    if (!std::getline(std::cin, api_token))
        return 1;
    return save(api_token) ? 0 : 1;
}
