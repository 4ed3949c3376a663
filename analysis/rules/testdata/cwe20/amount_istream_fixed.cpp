// CWE-20, fixed: the length in the record header is checked on both
// sides before it sizes the read.
#include <fstream>
#include <iostream>

struct Header {
    int len;
};

static bool read_header(std::istream &in, Header &h)
{
    return static_cast<bool>(in >> h.len);
}

static bool read_body(std::istream &in, char *body)
{
    Header h;
    if (!read_header(in, h) || h.len < 0 || h.len > 64)
        return false;
    in.read(body, h.len);
    return true;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    std::ifstream in(argv[1]);
    static char body[64];
    std::cout << (read_body(in, body) ? "read" : "bad record") << "\n";
    return 0;
}
