// C++ calling the C API.
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

int main() {
    int fd = ::open("settings.conf", O_CREAT | O_RDWR, 0777); // want CWE-732
    ::close(fd);
    std::FILE *log = std::fopen("audit.log", "a"); // want CWE-732
    std::fclose(log);
    return 0;
}
