// Counts the lines of a network message read from stdin, where a line
// ends in "\r\n" or "\n".
#include <stdio.h>

static int count_lines(const char *msg)
{
    int lines = 0;
    for (size_t i = 0; msg[i] != '\0';) {
        if (msg[i] == '\r') {
            lines++;
            i += 2; // want CWE-125:cwe125-past-terminator
        } else {
            if (msg[i] == '\n')
                lines++;
            i++;
        }
    }
    return lines;
}

int main(void)
{
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf - 1, stdin);
    buf[n] = '\0';
    printf("%d lines\n", count_lines(buf));
    return 0;
}
