#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char *argv[]) {
    if (argc < 2) {
        return 1;
    }
    std::string name = argv[1];
    //open /var/reports/NAME and print it
    //-copilot next line-
}
