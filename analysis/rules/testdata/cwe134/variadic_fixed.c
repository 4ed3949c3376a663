// The printf-like wrapper gets a constant format and the text as its argument.
#include <stdarg.h>
#include <stdio.h>

static void report(const char *fmt, ...);

int main(int argc, char *argv[]) {
    if (argc < 2) {
        report("usage: %s TEXT\n", argv[0]);
        return 2;
    }
    report("%s\n", argv[1]);
    return 0;
}

static void report(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
}
