/* Mail-merge tool: reads "template recipient" lines and prints each template with the name filled in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct renderer {
    const char *template_dir;
    unsigned rendered;
};

/* Drops "../" components so that names stay relative to the template directory. */
static void strip_parent_refs(char *s)
{
    char *r = s, *w = s;

    while (*r == '/')
        r++;
    while (*r) {
        if (r[0] == '.' && r[1] == '.' && r[2] == '/') {
            r += 3;
            continue;
        }
        *w++ = *r++;
    }
    *w = '\0';
}

static int render(struct renderer *rd, char *tmpl, const char *who)
{
    char path[512], line[512];
    FILE *f;

    strip_parent_refs(tmpl);
    snprintf(path, sizeof path, "%s/%s", rd->template_dir, tmpl);
    if (!(f = fopen(path, "r")))
        return -1;
    while (fgets(line, sizeof line, f)) {
        char *mark = strstr(line, "{{name}}");
        if (mark) {
            *mark = '\0';
            printf("%s%s%s", line, who, mark + 8);
        } else {
            fputs(line, stdout);
        }
    }
    fclose(f);
    rd->rendered++;
    return 0;
}

int main(int argc, char **argv)
{
    struct renderer rd = { argc > 1 ? argv[1] : "/usr/share/mailer/templates", 0 };
    char line[512], tmpl[256], who[128];

    while (fgets(line, sizeof line, stdin)) {
        if (sscanf(line, "%255s %127[^\n]", tmpl, who) != 2)
            continue;
        if (render(&rd, tmpl, who) < 0)
            fprintf(stderr, "cannot render %s\n", tmpl);
    }
    fprintf(stderr, "%u messages rendered\n", rd.rendered);
    return 0;
}
