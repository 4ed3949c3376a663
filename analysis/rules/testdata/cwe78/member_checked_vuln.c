// Fetches a file from a mirror with rsync. A request "host path" is
// split into a struct; the host member is checked for shell characters,
// but the path member goes into the command unchecked.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fetch {
    char host[64];
    char path[128];
};

static int plain(const char *s);
static int run_fetch(const struct fetch *req);

int main(void)
{
    char line[200];
    struct fetch req;
    if (fgets(line, sizeof line, stdin) == NULL ||
        sscanf(line, "%63s %127s", req.host, req.path) != 2) {
        return 2;
    }
    return run_fetch(&req) == 0 ? 0 : 1;
}

static int plain(const char *s)
{
    for (; *s; s++) {
        if (strchr(";|&`$()<>'\"\\ \n", *s) != NULL) {
            return 0;
        }
    }
    return 1;
}

static int run_fetch(const struct fetch *req)
{
    char cmd[300];
    if (!plain(req->host)) {
        return -1;
    }
    snprintf(cmd, sizeof cmd, "rsync -a %s::mirror/%s .", req->host, req->path);
    return system(cmd); // want CWE-78
}
