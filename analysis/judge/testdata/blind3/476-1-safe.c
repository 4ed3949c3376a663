// INI reader: loads sections and key=value pairs from a config file and prints them as dotted keys.
#include <stdio.h>
#include <string.h>

static char *trim(char *s)
{
    char *end;
    while (*s == ' ' || *s == '\t')
        s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
        *--end = '\0';
    return s;
}

static int load_ini(FILE *f, int *nkeys)
{
    char buf[256], section[64] = "global";
    int lineno = 0, errors = 0;

    while (fgets(buf, sizeof buf, f)) {
        char *line = trim(buf), *eq;
        lineno++;
        if (line[0] == '\0' || line[0] == '#' || line[0] == ';')
            continue;
        if (line[0] == '[') {
            char *end = strchr(line, ']');
            if (!end) {
                fprintf(stderr, "line %d: unterminated section header\n", lineno);
                errors++;
                continue;
            }
            *end = '\0';
            snprintf(section, sizeof section, "%s", line + 1);
            continue;
        }
        eq = strchr(line, '=');
        if (!eq) {
            fprintf(stderr, "line %d: missing '='\n", lineno);
            errors++;
            continue;
        }
        *eq = '\0';
        printf("%s.%s=%s\n", section, trim(line), trim(eq + 1));
        (*nkeys)++;
    }
    return errors;
}

int main(int argc, char **argv)
{
    FILE *f;
    int nkeys = 0, errors;

    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.ini\n", argv[0]);
        return 2;
    }
    f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    errors = load_ini(f, &nkeys);
    fclose(f);
    fprintf(stderr, "%d keys, %d errors\n", nkeys, errors);
    return errors ? 1 : 0;
}
