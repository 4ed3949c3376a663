// Greps a log for the term given on the command line. quote_word puts
// the term in double quotes and escapes '"' and '\', but leaves '$' and
// '`': "$(touch x)" still runs inside double quotes.
#include <stdio.h>
#include <string.h>

static int quote_word(const char *in, char *out, size_t cap)
{
    size_t j = 0;
    if (cap < 3) {
        return -1;
    }
    out[j++] = '"';
    for (; *in != '\0'; in++) {
        if (*in == '"' || *in == '\\') {
            if (j + 3 >= cap) {
                return -1;
            }
            out[j++] = '\\';
        }
        if (j + 2 >= cap) {
            return -1;
        }
        out[j++] = *in;
    }
    out[j++] = '"';
    out[j] = '\0';
    return 0;
}

int main(int argc, char **argv)
{
    char word[512], cmd[600];
    if (argc != 2 || quote_word(argv[1], word, sizeof word) != 0) {
        return 2;
    }
    snprintf(cmd, sizeof cmd, "grep -c -- %s /var/log/app.log", word);
    FILE *p = popen(cmd, "r"); // want CWE-78
    if (p == NULL) {
        return 1;
    }
    char line[64];
    if (fgets(line, sizeof line, p) != NULL) {
        fputs(line, stdout);
    }
    return pclose(p) == 0 ? 0 : 1;
}
