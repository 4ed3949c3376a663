// Builds a message frame from pieces; frame_put appends a piece after the
// bytes already used, but checks the piece only against the whole body.
#include <stdio.h>
#include <string.h>

#define BODY_CAP 96

struct frame {
    unsigned char body[BODY_CAP];
    size_t used;
};

static int frame_put(struct frame *fr, const void *piece, size_t n)
{
    if (n > sizeof fr->body)
        return -1;
    memcpy(fr->body + fr->used, piece, n); // want CWE-119 CWE-787
    fr->used += n;
    return 0;
}

int main(int argc, char **argv)
{
    struct frame fr = {.used = 0};
    for (int i = 1; i < argc; i++) {
        if (frame_put(&fr, argv[i], strlen(argv[i])) != 0) {
            fprintf(stderr, "piece %d too large\n", i);
            return 1;
        }
    }
    fwrite(fr.body, 1, fr.used, stdout);
    return 0;
}
