// Prints the lines of standard input that begin with the word given on
// the command line followed by a space. The character after the word is
// read before the line is compared with it, so a word longer than the
// line reads past the line's buffer.
#include <stdio.h>
#include <string.h>

static int starts_with_word(const char *line, const char *word);

int main(int argc, char **argv)
{
    char line[64];
    if (argc < 2)
        return 1;
    while (fgets(line, sizeof line, stdin)) {
        if (starts_with_word(line, argv[1]))
            fputs(line, stdout);
    }
    return 0;
}

static int starts_with_word(const char *line, const char *word)
{
    size_t k = strlen(word);
    return line[k] == ' ' && strncmp(line, word, k) == 0; // want CWE-119 CWE-125 CWE-129
}
