// Splits a length-prefixed list of names read from stdin into strings:
// a count byte, then for each name a length byte and its bytes.
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

static std::vector<std::string> names_of(const std::vector<unsigned char> &msg)
{
    std::vector<std::string> names;
    size_t at = 1;
    for (size_t i = 0; !msg.empty() && i < msg[0] && at < msg.size(); i++) {
        size_t len = msg[at];
        if (at + 1 + len > msg.size())
            break;
        names.emplace_back(reinterpret_cast<const char *>(msg.data() + at + 1), len);
        at += 1 + len;
    }
    return names;
}

int main()
{
    std::vector<unsigned char> msg((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    for (const std::string &n : names_of(msg))
        std::cout << n << '\n';
    return 0;
}
