#include <fstream>
#include <sys/stat.h>

int main() {
    std::ofstream out("config.ini");
    out << "debug=0\n";
    out.close();
    chmod("config.ini", 0640);
    return 0;
}
