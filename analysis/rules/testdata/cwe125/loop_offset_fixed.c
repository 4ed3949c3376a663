// Lists the names in a packet read from stdin: each name is a length
// byte followed by that many characters. A name longer than what is left
// of the packet ends the listing before the loop reads it.
#include <stdio.h>

static void print_names(const unsigned char *pkt, size_t total);

int main(void)
{
    unsigned char pkt[512];
    size_t total = fread(pkt, 1, sizeof pkt, stdin);
    print_names(pkt, total);
    return 0;
}

static void print_names(const unsigned char *pkt, size_t total)
{
    size_t off = 0;
    while (off < total) {
        size_t len = pkt[off++];
        if (len > total - off) {
            break;
        }
        const unsigned char *name = pkt + off;
        for (size_t i = 0; i < len; i++) {
            putchar(name[i]);
        }
        putchar('\n');
        off += len;
    }
}
