// Build the path of the user's configuration file from the environment.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t home_length(void) {
    const char *home = getenv("HOME");
    return strlen(home); // want CWE-476:cwe476-unchecked-getenv
}

int main(void) {
    char path[256];
    char *user = getenv("USER");
    printf("user %s\n", user); // want CWE-476:cwe476-unchecked-getenv
    const char *dir = getenv("XDG_CONFIG_HOME");
    const char *d = dir;
    snprintf(path, sizeof path, "%s/app.conf", d); // want CWE-476:cwe476-unchecked-getenv
    printf("%s (%zu)\n", path, home_length());
    return 0;
}
