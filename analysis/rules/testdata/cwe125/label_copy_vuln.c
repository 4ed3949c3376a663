// Prints the labels of the dotted name at the start of a DNS-style
// message read from stdin: length-prefixed labels ending with a zero
// byte, or a pointer back to an earlier name. Each label is checked
// against the room in the label buffer, but not against the bytes left
// in the message, so a label that claims 60 bytes near the end is read
// past the message.
#include <stdio.h>
#include <string.h>

struct message {
    unsigned char data[512];
    size_t len;
};

static int print_name(const struct message *m)
{
    char label[64];
    size_t pos = 0;
    int jumps = 0;
    while (pos < m->len) {
        unsigned b = m->data[pos];
        if ((b & 0xc0) == 0xc0) {
            // A pointer to an earlier name: 14 bits of offset.
            if (pos + 1 >= m->len || ++jumps > 8) {
                return -1;
            }
            size_t target = ((size_t)(b & 0x3f) << 8) | m->data[pos + 1];
            if (target >= pos) {
                return -1;
            }
            pos = target;
            continue;
        }
        size_t lablen = b;
        if (lablen == 0) {
            return 0;
        }
        if (lablen >= sizeof label) {
            return -1;
        }
        memcpy(label, m->data + pos + 1, lablen); // want CWE-125 CWE-119
        label[lablen] = '\0';
        printf("%s\n", label);
        pos += 1 + lablen;
    }
    return -1;
}

int main(void)
{
    struct message m;
    m.len = fread(m.data, 1, sizeof m.data, stdin);
    return print_name(&m) == 0 ? 0 : 1;
}
