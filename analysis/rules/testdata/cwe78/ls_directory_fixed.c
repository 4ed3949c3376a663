// Run ls without a shell: the directory is one argument, whatever it
// holds.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc < 2) return 1;
    pid_t pid = fork();
    if (pid == 0) {
        execlp("ls", "ls", "--", argv[1], (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    return 0;
}
