// C++: the user name from argv in a command through a stringstream.
#include <cstdlib>
#include <sstream>
#include <string>

int main(int argc, char *argv[]) {
    std::string user(argv[1]);
    std::ostringstream cmd;
    cmd << "id " << user;
    return std::system(cmd.str().c_str()); // want CWE-78
}
