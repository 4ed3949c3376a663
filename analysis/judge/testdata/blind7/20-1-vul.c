/* CGI order handler: reads item and qty from QUERY_STRING, updates the stock file and prints a receipt. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 64
#define NAME_LEN 32

struct stock_item {
    char name[NAME_LEN];
    long count;
    long price_cents;
};

struct stock {
    struct stock_item items[MAX_ITEMS];
    size_t n;
};

static const char *stock_path(void)
{
    const char *p = getenv("STOCK_FILE");
    return (p && *p) ? p : "stock.txt";
}

static int load_stock(const char *path, struct stock *st)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[128];
    st->n = 0;
    while (st->n < MAX_ITEMS && fgets(line, sizeof line, f)) {
        struct stock_item *it = &st->items[st->n];
        if (sscanf(line, "%31s %ld %ld", it->name, &it->count, &it->price_cents) == 3)
            st->n++;
    }
    fclose(f);
    return 0;
}

static int save_stock(const char *path, const struct stock *st)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    for (size_t i = 0; i < st->n; i++)
        fprintf(f, "%s %ld %ld\n", st->items[i].name, st->items[i].count,
                st->items[i].price_cents);
    return fclose(f);
}

/* Copies the value of key from a query string like "a=1&b=2" into out. */
static int get_param(const char *qs, const char *key, char *out, size_t outlen)
{
    size_t klen = strlen(key);
    const char *p = qs;
    while (p && *p) {
        if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
            const char *v = p + klen + 1;
            size_t n = strcspn(v, "&");
            if (n >= outlen)
                return -1;
            memcpy(out, v, n);
            out[n] = '\0';
            return 0;
        }
        p = strchr(p, '&');
        if (p)
            p++;
    }
    return -1;
}

static int parse_long(const char *s, long *out)
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

static const char *place_order(struct stock_item *it, long qty, long *total)
{
    if (qty > it->count)
        return "not enough stock";
    if (qty > 1000)
        return "quantity limit exceeded";
    it->count -= qty;
    *total = qty * it->price_cents;
    return NULL;
}

static void reply(const char *status, const char *msg)
{
    printf("Status: %s\r\nContent-Type: text/html\r\n\r\n", status);
    printf("<html><body><p>%s</p></body></html>\n", msg);
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    char item_name[NAME_LEN], qty_str[16];
    long qty, total = 0;
    struct stock st;

    if (!qs || get_param(qs, "item", item_name, sizeof item_name) != 0 ||
        get_param(qs, "qty", qty_str, sizeof qty_str) != 0 || parse_long(qty_str, &qty) != 0) {
        reply("400 Bad Request", "missing or malformed parameters");
        return 0;
    }
    if (load_stock(stock_path(), &st) != 0) {
        reply("500 Internal Server Error", "stock unavailable");
        return 0;
    }
    struct stock_item *it = find_item(&st, item_name);
    if (!it) {
        reply("404 Not Found", "unknown item");
        return 0;
    }
    const char *err = place_order(it, qty, &total);
    if (err) {
        reply("409 Conflict", err);
        return 0;
    }
    if (save_stock(stock_path(), &st) != 0) {
        reply("500 Internal Server Error", "could not save stock");
        return 0;
    }
    printf("Status: 200 OK\r\nContent-Type: text/html\r\n\r\n");
    printf("<html><body><p>Ordered %ld x %s, total %ld.%02ld, %ld left in stock</p></body></html>\n",
           qty, it->name, total / 100, labs(total % 100), it->count);
    return 0;
}
