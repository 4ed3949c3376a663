/* Help viewer: prints a help topic file from the documentation directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_ROOT "/usr/share/helpview/topics"

struct viewer {
    const char *root;
    int lines_shown;
};

static const char *doc_root(void)
{
    const char *r = getenv("HELPVIEW_ROOT");
    return (r && *r) ? r : DEFAULT_ROOT;
}

static FILE *open_topic(const struct viewer *v, const char *topic)
{
    char path[512];
    if (topic[0] == '\0' || topic[0] == '.')
        return NULL;
    if (strchr(topic, '/') != NULL || strstr(topic, "..") != NULL)
        return NULL;
    if (snprintf(path, sizeof path, "%s/%s.txt", v->root, topic) >= (int)sizeof path)
        return NULL;
    return fopen(path, "r");
}

static void show(struct viewer *v, FILE *fp)
{
    char line[256];
    while (fgets(line, sizeof line, fp)) {
        fputs(line, stdout);
        v->lines_shown++;
    }
}

int main(int argc, char **argv)
{
    struct viewer v = { doc_root(), 0 };
    const char *topic = argc > 1 ? argv[1] : "index";
    FILE *fp = open_topic(&v, topic);
    if (!fp) {
        fprintf(stderr, "no help for '%s'\n", topic);
        return 1;
    }
    show(&v, fp);
    fclose(fp);
    fprintf(stderr, "%d lines\n", v.lines_shown);
    return 0;
}
