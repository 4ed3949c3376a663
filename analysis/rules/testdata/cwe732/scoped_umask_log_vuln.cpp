// Appends the line read from standard input to notes.log. The writer sets
// the umask for its scope with an object whose constructor calls umask()
// and whose destructor puts the old one back; it sets none at all, so
// every user can write the log it makes.
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

static bool store(const std::string &line);

static bool save(const std::string &line)
{
    MaskScope scope(0);
    return store(line);
}

int main()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return 1;
    return save(line) ? 0 : 1;
}

static bool store(const std::string &line)
{
    std::ofstream out("notes.log", std::ios::app); // want CWE-732
    out << line << '\n';
    return static_cast<bool>(out);
}
