/* CGI program that reserves units of a stocked item and writes the updated stock file. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STOCK_FILE "stock.txt"
#define STOCK_TMP "stock.txt.tmp"
#define MAX_ITEMS 32
#define NAME_LEN 32
#define MAX_PER_ORDER 50

struct item {
    char name[NAME_LEN];
    long stock;
};

struct inventory {
    struct item items[MAX_ITEMS];
    size_t count;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static int get_param(const char *qs, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (p && *p) {
        if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
            const char *v = p + klen + 1;
            size_t n = 0;
            while (*v && *v != '&' && n + 1 < outsz) {
                if (*v == '%' && hexval(v[1]) >= 0 && hexval(v[2]) >= 0) {
                    out[n++] = (char)(hexval(v[1]) * 16 + hexval(v[2]));
                    v += 3;
                } else {
                    out[n++] = (*v == '+') ? ' ' : *v;
                    v++;
                }
            }
            out[n] = '\0';
            return 0;
        }
        p = strchr(p, '&');
        if (p) p++;
    }
    return -1;
}

static int load_inventory(struct inventory *inv)
{
    FILE *fp = fopen(STOCK_FILE, "r");
    char line[128];
    if (!fp) return -1;
    inv->count = 0;
    while (inv->count < MAX_ITEMS && fgets(line, sizeof line, fp)) {
        struct item *it = &inv->items[inv->count];
        if (sscanf(line, "%31s %ld", it->name, &it->stock) == 2)
            inv->count++;
    }
    fclose(fp);
    return 0;
}

static int save_inventory(const struct inventory *inv)
{
    FILE *fp = fopen(STOCK_TMP, "w");
    if (!fp) return -1;
    for (size_t i = 0; i < inv->count; i++)
        fprintf(fp, "%s %ld\n", inv->items[i].name, inv->items[i].stock);
    if (fclose(fp) != 0) return -1;
    return rename(STOCK_TMP, STOCK_FILE);
}

static struct item *find_item(struct inventory *inv, const char *name)
{
    for (size_t i = 0; i < inv->count; i++)
        if (strcmp(inv->items[i].name, name) == 0)
            return &inv->items[i];
    return NULL;
}

static int parse_quantity(const char *s, long *out)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0')
        return -1;
    if (v > MAX_PER_ORDER)
        return -1;
    *out = v;
    return 0;
}

static const char *reserve(struct inventory *inv, const char *name, long qty, long *left)
{
    struct item *it = find_item(inv, name);
    if (!it) return "unknown item";
    if (qty > it->stock) return "not enough stock";
    it->stock -= qty;
    *left = it->stock;
    return NULL;
}

int main(void)
{
    struct inventory inv;
    char name[NAME_LEN], qtybuf[24];
    const char *qs = getenv("QUERY_STRING");
    const char *err;
    long qty, left = 0;

    printf("Content-Type: text/plain\r\n\r\n");
    if (!qs || get_param(qs, "item", name, sizeof name) != 0 ||
        get_param(qs, "qty", qtybuf, sizeof qtybuf) != 0) {
        printf("missing item or qty\n");
        return 0;
    }
    if (parse_quantity(qtybuf, &qty) != 0) {
        printf("bad quantity\n");
        return 0;
    }
    if (load_inventory(&inv) != 0) {
        printf("inventory unavailable\n");
        return 0;
    }
    err = reserve(&inv, name, qty, &left);
    if (err) {
        printf("error: %s\n", err);
        return 0;
    }
    if (save_inventory(&inv) != 0) {
        printf("could not save inventory\n");
        return 0;
    }
    printf("reserved %ld, %ld left\n", qty, left);
    return 0;
}
