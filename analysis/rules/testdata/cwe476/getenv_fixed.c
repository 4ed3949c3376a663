// Build the path of the user's configuration file from the environment.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t home_length(void) {
    const char *home = getenv("HOME");
    if (home == NULL) {
        return 0;
    }
    return strlen(home);
}

int main(void) {
    char path[256];
    char *user = getenv("USER");
    if (!user) {
        user = "nobody";
    }
    printf("user %s\n", user);
    const char *dir = getenv("XDG_CONFIG_HOME");
    const char *d = dir ? dir : ".config";
    snprintf(path, sizeof path, "%s/app.conf", d);
    printf("%s (%zu)\n", path, home_length());
    return 0;
}
