// The command line reaches the program through a helper, as one argument
// of execvp, never through a shell.
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int compress_file(const char *name);

int main(int argc, char **argv) {
    if (argc < 2)
        return 2;
    return compress_file(argv[1]) == 0 ? 0 : 1;
}

static int compress_file(const char *name) {
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        char *const args[] = {"gzip", "-k", "--", (char *)name, NULL};
        execvp("gzip", args);
        _exit(127);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return status;
}
