// A printf-like wrapper gets the user's text as its format.
#include <stdarg.h>
#include <stdio.h>

static void report(const char *fmt, ...);

int main(int argc, char *argv[]) {
    if (argc < 2) {
        report("usage: %s TEXT\n", argv[0]);
        return 2;
    }
    report(argv[1]);
    return 0;
}

static void report(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap); // want CWE-134
    va_end(ap);
}
