// The logging helper prints its message with a constant format.
#include <stdio.h>
#include <string.h>

static void log_line(FILE *log, const char *msg);

int main(void) {
    char line[300];
    while (fgets(line, sizeof line, stdin) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        log_line(stderr, line);
    }
    return 0;
}

static void log_line(FILE *log, const char *msg) {
    fprintf(log, "log: ");
    fprintf(log, "%s", msg);
    fputc('\n', log);
}
