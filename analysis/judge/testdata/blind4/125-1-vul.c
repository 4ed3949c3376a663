/* CGI program that looks up a product by the "sku" query parameter and prints its stock details as plain text. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct product {
    const char *sku;
    const char *name;
    unsigned stock;
    unsigned price_cents;
};

static const struct product catalog[] = {
    { "AB-100", "Steel bracket", 140, 299 },
    { "AB-200", "Hinge, brass", 32, 450 },
    { "CX 7", "Cable tie pack", 900, 125 },
    { "ZZ/9", "Wall anchor set", 0, 799 },
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes %XX escapes and '+' in place. */
static void url_decode(char *s)
{
    char *w = s;
    char *r;

    for (r = s; *r; r++) {
        if (*r == '+') {
            *w++ = ' ';
        } else if (*r == '%') {
            int hi = hexval((unsigned char)r[1]);
            int lo = hexval((unsigned char)r[2]);

            *w++ = (hi < 0 || lo < 0) ? '?' : (char)(hi * 16 + lo);
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

/* Returns the decoded value of parameter `key` inside the writable query copy, or NULL. */
static char *query_param(char *query, const char *key)
{
    size_t klen = strlen(key);
    char *save = NULL;
    char *tok;

    for (tok = strtok_r(query, "&", &save); tok; tok = strtok_r(NULL, "&", &save)) {
        if (strncmp(tok, key, klen) == 0 && tok[klen] == '=') {
            char *val = tok + klen + 1;
            url_decode(val);
            return val;
        }
    }
    return NULL;
}

static const struct product *find_product(const char *sku)
{
    size_t i;

    for (i = 0; i < sizeof catalog / sizeof catalog[0]; i++)
        if (strcmp(catalog[i].sku, sku) == 0)
            return &catalog[i];
    return NULL;
}

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    char *query;
    const char *sku;
    const struct product *p;

    fputs("Content-Type: text/plain; charset=utf-8\r\n", stdout);
    if (qs == NULL || *qs == '\0') {
        fputs("Status: 400 Bad Request\r\n\r\nmissing query\n", stdout);
        return 0;
    }
    query = strdup(qs);
    if (query == NULL) {
        fputs("Status: 500 Internal Server Error\r\n\r\nout of memory\n", stdout);
        return 0;
    }
    sku = query_param(query, "sku");
    p = sku ? find_product(sku) : NULL;
    if (p == NULL) {
        fputs("Status: 404 Not Found\r\n\r\nno such product\n", stdout);
    } else {
        printf("\r\nsku: %s\nname: %s\nstock: %u\nprice: %u.%02u\n",
               p->sku, p->name, p->stock, p->price_cents / 100, p->price_cents % 100);
    }
    free(query);
    return 0;
}
