// Shows the subject of each message on stdin in a fixed-width column.
// The subject is clamped to one less than the width of the caller's
// buffer, which leaves the terminator its place.
#include <stdio.h>
#include <string.h>

#define SUBJECT_WIDTH 32

static void take_subject(const char *line, char *dst);

int main(void)
{
    char line[256];
    char subject[SUBJECT_WIDTH];
    while (fgets(line, sizeof line, stdin)) {
        if (strncmp(line, "Subject: ", 9) == 0) {
            take_subject(line + 9, subject);
            printf("[%-31s]\n", subject);
        }
    }
    return 0;
}

static void take_subject(const char *line, char *dst)
{
    size_t n = strcspn(line, "\r\n");
    if (n >= SUBJECT_WIDTH) {
        n = SUBJECT_WIDTH - 1;
    }
    memcpy(dst, line, n);
    dst[n] = '\0';
}
