/* CGI program that serves a welcome page in the language negotiated from HTTP_ACCEPT_LANGUAGE. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct locale {
    const char *code;
    const char *dir;
    const char *title;
    const char *greeting;
};

static const struct locale locales[] = {
    { "en", "ltr", "Welcome", "Hello, and thanks for visiting." },
    { "fr", "ltr", "Bienvenue", "Bonjour, et merci de votre visite." },
    { "de", "ltr", "Willkommen", "Hallo, und danke f\xc3\xbcr Ihren Besuch." },
    { "es", "ltr", "Bienvenido", "Hola, y gracias por su visita." },
    { "he", "rtl", "\xd7\x91\xd7\xa8\xd7\x95\xd7\x9b\xd7\x99\xd7\x9d", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d" },
};

static const struct locale *find_locale(const char *code)
{
    size_t i;
    for (i = 0; i < sizeof locales / sizeof locales[0]; i++)
        if (strcmp(locales[i].code, code) == 0)
            return &locales[i];
    return NULL;
}

/* Extracts the primary subtag of the next language range in *p, lower-cased. */
static int next_range(const char **p, char *tag, size_t tagsz)
{
    const char *s = *p;
    size_t n = 0;
    int invalid = 0;

    while (*s == ' ' || *s == ',')
        s++;
    if (*s == '\0')
        return 0;
    while (*s && *s != ',' && *s != ';' && *s != '-' && *s != ' ') {
        if (n + 1 < tagsz && isalpha((unsigned char)*s))
            tag[n++] = (char)tolower((unsigned char)*s);
        else
            invalid = 1;
        s++;
    }
    while (*s && *s != ',')
        s++;
    tag[invalid ? 0 : n] = '\0';
    *p = s;
    return 1;
}

static const struct locale *negotiate(const char *accept)
{
    const struct locale *loc = NULL;
    const char *p = accept;
    char tag[9];

    if (!accept || *accept == '\0')
        return &locales[0];
    while (next_range(&p, tag, sizeof tag)) {
        loc = find_locale(tag);
        if (loc)
            break;
    }
    return loc ? loc : &locales[0];
}

static void render_page(const struct locale *loc)
{
    printf("Content-Type: text/html; charset=utf-8\r\n");
    printf("Content-Language: %s\r\n\r\n", loc->code);
    printf("<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n", loc->code, loc->dir);
    printf("<head><title>%s</title></head>\n", loc->title);
    printf("<body><h1>%s</h1><p>%s</p></body>\n</html>\n", loc->title, loc->greeting);
}

int main(void)
{
    const struct locale *loc = negotiate(getenv("HTTP_ACCEPT_LANGUAGE"));
    render_page(loc);
    return 0;
}
