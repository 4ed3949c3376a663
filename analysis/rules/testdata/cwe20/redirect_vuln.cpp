// C++: std::string::find accepts any URL mentioning the host.
#include <iostream>
#include <string>

int main() {
    std::string url;
    std::cin >> url;
    if (url.find("example.com") != std::string::npos) { // want CWE-20
        std::cout << "Location: " << url << "\n\n";
    }
    return 0;
}
