/* Mail-merge tool: reads "template recipient" lines and prints each template with the name filled in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct renderer {
    const char *template_dir;
    unsigned rendered;
};

/* Template names must be plain file names inside the template directory. */
static int valid_template_name(const char *s)
{
    return s[0] != '\0' && s[0] != '.' && strchr(s, '/') == NULL && strstr(s, "..") == NULL;
}

static int render(struct renderer *rd, char *tmpl, const char *who)
{
    char path[512], line[512];
    FILE *f;

    if (!valid_template_name(tmpl))
        return -1;
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
