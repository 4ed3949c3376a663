// CWE-20: a record header read from a stream by a helper carries a length
// that is checked against the body's size only, then sizes a read.
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
    if (!read_header(in, h) || h.len > 64)
        return false;
    in.read(body, h.len); // want CWE-20
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
