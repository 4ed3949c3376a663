/* CGI program that greets the visitor in the language chosen by ?lang= or the Accept-Language header. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct greeting {
    const char *code;
    const char *text;
};

static const struct greeting greetings[] = {
    { "en", "Hello and welcome!" },
    { "de", "Hallo und willkommen!" },
    { "fr", "Bonjour et bienvenue !" },
    { "es", "Hola y bienvenido!" },
    { "nl", "Hallo en welkom!" },
};

static const char *query_param(const char *qs, const char *name)
{
    size_t nlen = strlen(name);
    const char *p = qs;
    while (p && *p) {
        if (strncmp(p, name, nlen) == 0 && p[nlen] == '=')
            return p + nlen + 1;
        p = strchr(p, '&');
        if (p)
            p++;
    }
    return NULL;
}

static const char *requested_language(void)
{
    const char *qs = getenv("QUERY_STRING");
    const char *lang = qs ? query_param(qs, "lang") : NULL;
    if (lang == NULL || *lang == '\0' || *lang == '&')
        lang = getenv("HTTP_ACCEPT_LANGUAGE");
    return lang;
}

static void language_code(const char *spec, char code[3])
{
    if (isalpha((unsigned char)spec[0]) && isalpha((unsigned char)spec[1])) {
        code[0] = (char)tolower((unsigned char)spec[0]);
        code[1] = (char)tolower((unsigned char)spec[1]);
    } else {
        code[0] = 'e';
        code[1] = 'n';
    }
    code[2] = '\0';
}

static const struct greeting *find_greeting(const char *code)
{
    for (size_t i = 0; i < sizeof(greetings) / sizeof(greetings[0]); i++)
        if (strcmp(greetings[i].code, code) == 0)
            return &greetings[i];
    return &greetings[0];
}

static void render(const struct greeting *g)
{
    printf("Content-Type: text/html; charset=utf-8\r\n\r\n");
    printf("<!DOCTYPE html>\n<html lang=\"%s\">\n<head><title>Welcome</title></head>\n", g->code);
    printf("<body><h1>%s</h1></body>\n</html>\n", g->text);
}

int main(void)
{
    char code[3];
    language_code(requested_language(), code);
    render(find_greeting(code));
    return 0;
}
