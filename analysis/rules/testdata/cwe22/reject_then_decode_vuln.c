// Prints a file from the notes directory named by the file parameter of
// QUERY_STRING. The request parser refuses names with ".." or a leading
// '/', and then decodes the name's '%' escapes in place: "%2e%2e" passes
// the check and becomes "..".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct note_request {
    char file[128];
};

static int hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (*s == '%' && hex_digit(s[1]) >= 0 && hex_digit(s[2]) >= 0) {
            *o++ = (char)(hex_digit(s[1]) * 16 + hex_digit(s[2]));
            s += 2;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

static int parse_note_request(const char *qs, struct note_request *req)
{
    if (strncmp(qs, "file=", 5) != 0 || strlen(qs + 5) >= sizeof req->file)
        return -1;
    strcpy(req->file, qs + 5);
    if (req->file[0] == '/' || strstr(req->file, "..") != NULL)
        return -1;
    unescape(req->file);
    return 0;
}

static void print_note(const struct note_request *req);

int main(void)
{
    const char *qs = getenv("QUERY_STRING");
    struct note_request req;
    printf("Content-Type: text/plain\r\n\r\n");
    if (qs == NULL || parse_note_request(qs, &req) != 0) {
        puts("bad request");
        return 0;
    }
    print_note(&req);
    return 0;
}

static void print_note(const struct note_request *req)
{
    char path[256];
    snprintf(path, sizeof path, "notes/%s", req->file);
    FILE *fp = fopen(path, "r"); // want CWE-22
    if (fp == NULL)
        return;
    int c;
    while ((c = fgetc(fp)) != EOF)
        putchar(c);
    fclose(fp);
}
