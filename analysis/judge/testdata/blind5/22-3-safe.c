/* Unpacks a simple text bundle file ("FILE <size> <name>" headers followed by data) into a directory. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define MAX_NAME 512
#define MAX_ENTRY (16L * 1024 * 1024)

struct entry {
    long size;
    char name[MAX_NAME];
};

static int read_header(FILE *in, struct entry *e)
{
    char line[MAX_NAME + 64];
    char *end;
    char *sp;
    size_t len;

    if (!fgets(line, sizeof line, in))
        return 0;
    line[strcspn(line, "\r\n")] = '\0';
    if (strncmp(line, "FILE ", 5) != 0)
        return -1;
    errno = 0;
    e->size = strtol(line + 5, &end, 10);
    if (errno || end == line + 5 || *end != ' ' || e->size < 0 || e->size > MAX_ENTRY)
        return -1;
    sp = end + 1;
    len = strlen(sp);
    if (len == 0 || len >= sizeof e->name)
        return -1;
    memcpy(e->name, sp, len + 1);
    return 1;
}

static int entry_name_ok(const char *name)
{
    const char *p = name;
    if (name[0] == '/')
        return 0;
    while (*p) {
        size_t len = strcspn(p, "/");
        if (len == 2 && p[0] == '.' && p[1] == '.')
            return 0;
        p += len;
        if (*p == '/')
            p++;
    }
    return 1;
}

static int make_parents(char *path)
{
    for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST) {
            *p = '/';
            return -1;
        }
        *p = '/';
    }
    return 0;
}

static int copy_bytes(FILE *in, FILE *out, long n)
{
    char buf[4096];
    while (n > 0) {
        size_t want = n > (long)sizeof buf ? sizeof buf : (size_t)n;
        size_t got = fread(buf, 1, want, in);
        if (got == 0)
            return -1;
        if (fwrite(buf, 1, got, out) != got)
            return -1;
        n -= (long)got;
    }
    return 0;
}

static int extract_entry(FILE *in, const char *dest, const struct entry *e)
{
    char path[MAX_NAME + 4096];
    FILE *out;
    int rc;

    if (!entry_name_ok(e->name)) {
        fprintf(stderr, "skipping %s\n", e->name);
        return fseek(in, e->size, SEEK_CUR);
    }
    snprintf(path, sizeof path, "%s/%s", dest, e->name);
    if (make_parents(path) != 0)
        return -1;
    out = fopen(path, "wb");
    if (!out)
        return -1;
    rc = copy_bytes(in, out, e->size);
    if (fclose(out) != 0)
        rc = -1;
    if (rc == 0)
        printf("x %s (%ld bytes)\n", e->name, e->size);
    return rc;
}

int main(int argc, char **argv)
{
    FILE *in;
    struct entry e;
    int r;

    if (argc != 3) {
        fprintf(stderr, "usage: %s <bundle> <destdir>\n", argv[0]);
        return 1;
    }
    in = fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    if (mkdir(argv[2], 0755) != 0 && errno != EEXIST) {
        perror(argv[2]);
        fclose(in);
        return 1;
    }
    while ((r = read_header(in, &e)) == 1) {
        if (extract_entry(in, argv[2], &e) != 0) {
            fprintf(stderr, "failed on %s\n", e.name);
            fclose(in);
            return 1;
        }
    }
    fclose(in);
    if (r < 0) {
        fprintf(stderr, "malformed bundle\n");
        return 1;
    }
    return 0;
}
