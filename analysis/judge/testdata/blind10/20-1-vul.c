/* CGI program that places an order for an item and updates the stock file. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <ctype.h>

#define MAX_ITEMS 64
#define NAME_LEN 32
#define MAX_QTY 1000

struct stock_item {
    char name[NAME_LEN];
    long count;
    long price_cents;
};

struct stock {
    struct stock_item items[MAX_ITEMS];
    size_t n;
};

static int load_stock(const char *path, struct stock *st)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    char line[128];
    st->n = 0;
    while (st->n < MAX_ITEMS && fgets(line, sizeof line, fp)) {
        struct stock_item *it = &st->items[st->n];
        if (sscanf(line, "%31s %ld %ld", it->name, &it->count, &it->price_cents) == 3)
            st->n++;
    }
    fclose(fp);
    return 0;
}

static int save_stock(const char *path, const struct stock *st)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    for (size_t i = 0; i < st->n; i++)
        fprintf(fp, "%s %ld %ld\n", st->items[i].name, st->items[i].count,
                st->items[i].price_cents);
    return fclose(fp);
}

static int query_param(const char *qs, const char *key, char *out, size_t outsz)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (p && *p) {
        if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
            p += klen + 1;
            size_t n = 0;
            while (*p && *p != '&' && n + 1 < outsz) {
                char c = *p++;
                if (c == '+')
                    c = ' ';
                out[n++] = c;
            }
            out[n] = '\0';
            return 0;
        }
        p = strchr(p, '&');
        if (p)
            p++;
    }
    return -1;
}

static int parse_quantity(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

static struct stock_item *find_item(struct stock *st, const char *name)
{
    for (size_t i = 0; i < st->n; i++)
        if (strcmp(st->items[i].name, name) == 0)
            return &st->items[i];
    return NULL;
}

static const char *place_order(struct stock *st, const char *name, long qty, long *total)
{
    struct stock_item *it = find_item(st, name);
    if (!it)
        return "unknown item";
    if (qty > MAX_QTY)
        return "quantity too large";
    if (qty > it->count)
        return "not enough stock";
    it->count -= qty;
    *total = qty * it->price_cents;
    return NULL;
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    const char *path = "stock.txt";
    char item[NAME_LEN], qtybuf[16];
    struct stock st;
    long qty, total = 0;

    printf("Content-Type: text/plain\r\n\r\n");
    if (!qs || query_param(qs, "item", item, sizeof item) != 0 ||
        query_param(qs, "qty", qtybuf, sizeof qtybuf) != 0) {
        printf("missing parameters\n");
        return 0;
    }
    for (char *c = item; *c; c++) {
        if (!isalnum((unsigned char)*c) && *c != '_' && *c != '-') {
            printf("bad item name\n");
            return 0;
        }
    }
    if (parse_quantity(qtybuf, &qty) != 0) {
        printf("bad quantity\n");
        return 0;
    }
    if (load_stock(path, &st) != 0) {
        printf("stock unavailable\n");
        return 0;
    }
    const char *err = place_order(&st, item, qty, &total);
    if (err) {
        printf("order rejected: %s\n", err);
        return 0;
    }
    if (save_stock(path, &st) != 0) {
        printf("could not update stock\n");
        return 0;
    }
    printf("ordered %ld x %s, total %ld.%02ld\n", qty, item, total / 100, total % 100);
    return 0;
}
