/* Loads "key = value" settings from a configuration file into a linked settings table. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX 32
#define VAL_MAX 128

struct setting {
    struct setting *next;
    char value[VAL_MAX];
    char key[KEY_MAX];
};

/* Copies srclen bytes into dst and terminates it; fails if it does not fit. */
static int copy_token(char *dst, size_t dstsz, const char *src, size_t srclen)
{
    if (srclen > dstsz)
        return -1;
    memcpy(dst, src, srclen);
    dst[srclen] = '\0';
    return 0;
}

static size_t trimmed(const char **s, size_t len)
{
    while (len && isspace((unsigned char)**s)) { (*s)++; len--; }
    while (len && isspace((unsigned char)(*s)[len - 1])) len--;
    return len;
}

static struct setting *parse_line(const char *line)
{
    const char *eq = strchr(line, '='), *k = line, *v;
    size_t klen, vlen;
    struct setting *s;

    if (!eq || line[0] == '#')
        return NULL;
    klen = trimmed(&k, (size_t)(eq - line));
    v = eq + 1;
    vlen = trimmed(&v, strlen(v));
    if (klen == 0 || !(s = malloc(sizeof *s)))
        return NULL;
    if (copy_token(s->key, sizeof s->key, k, klen) < 0 ||
        copy_token(s->value, sizeof s->value, v, vlen) < 0) {
        fprintf(stderr, "setting too long, ignored\n");
        free(s);
        return NULL;
    }
    return s;
}

int main(int argc, char **argv)
{
    struct setting *head = NULL, *s;
    char line[512];
    FILE *f = fopen(argc > 1 ? argv[1] : "/etc/app.conf", "r");

    if (!f) {
        perror("config");
        return 1;
    }
    while (fgets(line, sizeof line, f)) {
        if ((s = parse_line(line)) != NULL) {
            s->next = head;
            head = s;
        }
    }
    fclose(f);
    while ((s = head) != NULL) {
        printf("%s=%s\n", s->key, s->value);
        head = s->next;
        free(s);
    }
    return 0;
}
