// Joins the tags given on the command line into one comma-separated
// line of a fixed size, keeping as many as fit.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

static void print_tags(const std::vector<std::string> &tags)
{
    char line[48];
    std::size_t used = 0;
    line[0] = '\0';
    for (const std::string &tag : tags) {
        std::size_t need = tag.size() + 1;
        if (used + need > sizeof line)
            break;
        line[used++] = ',';
        std::memcpy(line + used, tag.data(), tag.size());
        used += tag.size();
        line[used] = '\0'; // want CWE-119 CWE-129 CWE-787
    }
    std::puts(line);
}

int main(int argc, char **argv)
{
    print_tags(std::vector<std::string>(argv + 1, argv + argc));
    return 0;
}
