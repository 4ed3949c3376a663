// Checks "<md5>  <file>" lines read from stdin with md5sum. The hash
// characters are checked, and so is every character of the file name,
// before it goes into the popen command.
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define HASH_LEN 32

struct entry {
    char hash[HASH_LEN + 1];
    char file[256];
};

static int check_entry(const struct entry *e);

static int parse_entry(const char *line, struct entry *e)
{
    size_t i;
    for (i = 0; i < HASH_LEN; i++) {
        if (!isxdigit((unsigned char)line[i])) {
            return -1;
        }
        e->hash[i] = (char)tolower((unsigned char)line[i]);
    }
    e->hash[HASH_LEN] = '\0';
    if (line[i] != ' ' || line[i + 1] != ' ') {
        return -1;
    }
    size_t len = strcspn(line + i + 2, "\r\n");
    if (len == 0 || len >= sizeof e->file) {
        return -1;
    }
    memcpy(e->file, line + i + 2, len);
    e->file[len] = '\0';
    for (const char *p = e->file; *p != '\0'; p++) {
        if (!isalnum((unsigned char)*p) && *p != '.' && *p != '_' && *p != '-' && *p != '/') {
            return -1;
        }
    }
    return 0;
}

int main(void)
{
    char line[512];
    struct entry e;
    int bad = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        if (parse_entry(line, &e) != 0) {
            bad++;
            continue;
        }
        bad += check_entry(&e);
    }
    return bad == 0 ? 0 : 1;
}

static int check_entry(const struct entry *e)
{
    char cmd[300], out[128];
    snprintf(cmd, sizeof cmd, "md5sum -- %s", e->file);
    FILE *p = popen(cmd, "r");
    if (p == NULL) {
        return 1;
    }
    int ok = fgets(out, sizeof out, p) != NULL && strncmp(out, e->hash, HASH_LEN) == 0;
    pclose(p);
    printf("%s: %s\n", e->file, ok ? "OK" : "FAILED");
    return ok ? 0 : 1;
}
