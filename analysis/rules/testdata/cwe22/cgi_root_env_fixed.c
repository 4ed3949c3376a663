// Shows a help page chosen by the page parameter of QUERY_STRING, from the
// directory the web server's configuration names in HELP_DIR. The page
// name is refused when it holds a '/' or starts with a dot.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int page_name_ok(const char *name)
{
    return name[0] != '\0' && name[0] != '.' && strchr(name, '/') == NULL;
}

static void show(const char *dir, const char *page);

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    const char *dir = getenv("HELP_DIR");
    char page[128];
    if (dir == NULL)
        dir = "/usr/share/help";
    if (qs == NULL || strncmp(qs, "page=", 5) != 0 || strlen(qs + 5) >= sizeof page) {
        printf("Status: 400\r\n\r\n");
        return 0;
    }
    strcpy(page, qs + 5);
    if (!page_name_ok(page)) {
        printf("Status: 400\r\n\r\n");
        return 0;
    }
    show(dir, page);
    return 0;
}

static void show(const char *dir, const char *page)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.txt", dir, page);
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        printf("Status: 404\r\n\r\n");
        return;
    }
    printf("Content-Type: text/plain\r\n\r\n");
    int c;
    while ((c = fgetc(fp)) != EOF)
        putchar(c);
    fclose(fp);
}
