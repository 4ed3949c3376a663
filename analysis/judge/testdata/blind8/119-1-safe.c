/* Reads a binary service-list file of tag-length-value records and prints each service entry. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define TAG_END   0
#define TAG_NAME  1
#define TAG_PORT  2
#define TAG_FLAGS 3
#define TAG_KIND  4

#define MAX_FILE  (1024 * 1024)

struct service {
    uint16_t port;
    uint8_t flags;
    uint8_t kind;
    char name[16];
};

struct reader {
    const unsigned char *data;
    size_t size;
    size_t pos;
};

static unsigned char *load_file(const char *path, size_t *out_size)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 4096, used = 0;
    unsigned char *buf = malloc(cap);
    if (!buf) {
        fclose(fp);
        return NULL;
    }
    for (;;) {
        if (used == cap) {
            if (cap >= MAX_FILE)
                break;
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(fp);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t n = fread(buf + used, 1, cap - used, fp);
        if (n == 0)
            break;
        used += n;
    }
    fclose(fp);
    *out_size = used;
    return buf;
}

static int next_tlv(struct reader *r, unsigned *tag, const unsigned char **val, size_t *len)
{
    if (r->size - r->pos < 2)
        return 0;
    *tag = r->data[r->pos];
    *len = r->data[r->pos + 1];
    if (*len > r->size - r->pos - 2)
        return -1;
    *val = r->data + r->pos + 2;
    r->pos += 2 + *len;
    return 1;
}

static int set_name(struct service *s, const unsigned char *val, size_t len)
{
    if (len >= sizeof s->name)
        return -1;
    memcpy(s->name, val, len);
    s->name[len] = '\0';
    return 0;
}

static void print_service(const struct service *s)
{
    printf("%-16s port=%u kind=%u flags=0x%02x\n",
           s->name, (unsigned)s->port, (unsigned)s->kind, (unsigned)s->flags);
}

static int parse_services(struct reader *r)
{
    struct service *cur = NULL;
    unsigned tag;
    const unsigned char *val;
    size_t len;
    int rc, count = 0;

    while ((rc = next_tlv(r, &tag, &val, &len)) > 0) {
        if (tag == TAG_NAME) {
            if (cur) {
                print_service(cur);
                free(cur);
                count++;
            }
            cur = calloc(1, sizeof *cur);
            if (!cur)
                return -1;
            if (set_name(cur, val, len) != 0) {
                fprintf(stderr, "name too long\n");
                free(cur);
                return -1;
            }
        } else if (!cur) {
            fprintf(stderr, "record before first name\n");
            return -1;
        } else if (tag == TAG_PORT && len == 2) {
            cur->port = (uint16_t)((val[0] << 8) | val[1]);
        } else if (tag == TAG_FLAGS && len == 1) {
            cur->flags = val[0];
        } else if (tag == TAG_KIND && len == 1) {
            cur->kind = val[0];
        } else if (tag == TAG_END) {
            break;
        }
    }
    if (cur) {
        print_service(cur);
        free(cur);
        count++;
    }
    if (rc < 0) {
        fprintf(stderr, "truncated record\n");
        return -1;
    }
    return count;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    size_t size = 0;
    unsigned char *data = load_file(argv[1], &size);
    if (!data) {
        perror(argv[1]);
        return 1;
    }
    struct reader r = { data, size, 0 };
    int n = parse_services(&r);
    free(data);
    if (n < 0)
        return 1;
    printf("%d service(s)\n", n);
    return 0;
}
