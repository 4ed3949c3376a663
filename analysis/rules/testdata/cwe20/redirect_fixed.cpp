// The host part is extracted and compared.
#include <iostream>
#include <string>

int main() {
    std::string url;
    std::cin >> url;
    const std::string scheme = "https://";
    if (url.compare(0, scheme.size(), scheme) != 0) return 1;
    std::string host = url.substr(scheme.size(), url.find('/', scheme.size()) - scheme.size());
    if (host == "example.com" || host == "www.example.com") {
        std::cout << "Location: " << url << "\n\n";
    }
    return 0;
}
