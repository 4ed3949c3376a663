// Collects the words of stdin into one fixed line buffer of a class,
// separated by spaces.
#include <cstring>
#include <iostream>
#include <string>

class Line {
    std::size_t used_ = 0;
    char text_[80] = {};

public:
    bool add(const std::string &word)
    {
        std::size_t need = word.size() + 1;
        if (need >= sizeof text_)
            return false;
        std::memcpy(text_ + used_, word.data(), word.size()); // want CWE-119 CWE-787
        used_ += word.size();
        text_[used_++] = ' ';
        text_[used_] = '\0';
        return true;
    }
    const char *str() const { return text_; }
};

int main()
{
    Line line;
    std::string w;
    while (std::cin >> w && line.add(w)) {
    }
    std::cout << line.str() << '\n';
    return 0;
}
