// Keeps the last lines of stdin in a fixed ring of a class and prints
// them at the end, oldest first.
#include <iostream>
#include <string>

class LastLines {
    static constexpr int kLines = 4;
    std::string lines_[kLines];
    int next_ = 0;
    int kept_ = 0;

public:
    void push(const std::string &line)
    {
        lines_[next_] = line; // want CWE-119 CWE-129 CWE-787
        next_ += 1;
        if (next_ > kLines)
            next_ = 0;
        if (kept_ < kLines)
            kept_++;
    }
    void print() const
    {
        for (int i = 0; i < kept_; i++)
            std::cout << lines_[(next_ + kLines - kept_ + i) % kLines] << '\n';
    }
};

int main()
{
    LastLines last;
    std::string line;
    while (std::getline(std::cin, line))
        last.push(line);
    last.print();
    return 0;
}
