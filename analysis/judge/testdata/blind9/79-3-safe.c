/* CGI "not found" handler: prints a 404 page naming the requested path from REQUEST_URI. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct request_info {
    const char *raw_uri;
    char *path;
    const char *referer;
};

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static char *percent_decode(const char *src)
{
    size_t n = strlen(src);
    char *out = malloc(n + 1);
    if (out == NULL)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '?')
            break;
        if (src[i] == '%' && i + 2 < n && hexval(src[i + 1]) >= 0 && hexval(src[i + 2]) >= 0) {
            out[j++] = (char)(hexval(src[i + 1]) * 16 + hexval(src[i + 2]));
            i += 2;
        } else {
            out[j++] = src[i];
        }
    }
    out[j] = '\0';
    return out;
}

static int has_markup(const char *s)
{
    return strpbrk(s, "<>\"'&") != NULL;
}

static int load_request(struct request_info *req)
{
    req->raw_uri = getenv("REQUEST_URI");
    req->referer = getenv("HTTP_REFERER");
    req->path = NULL;
    if (req->raw_uri == NULL || req->raw_uri[0] != '/')
        return -1;
    req->path = percent_decode(req->raw_uri);
    if (req->path == NULL)
        return -1;
    return has_markup(req->path) ? -1 : 0;
}

static void print_not_found(const struct request_info *req)
{
    printf("Status: 404 Not Found\r\nContent-Type: text/html\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><head><title>Not Found</title></head><body>\n");
    printf("<h1>Not Found</h1>\n");
    printf("<p>The requested page <code>%s</code> does not exist on this server.</p>\n",
           req->path);
    if (req->referer != NULL && req->referer[0] != '\0')
        printf("<p>The link you followed may be out of date.</p>\n");
    printf("<p><a href=\"/\">Back to the home page</a></p>\n</body></html>\n");
}

static void print_bad_request(void)
{
    printf("Status: 400 Bad Request\r\nContent-Type: text/html\r\n\r\n");
    printf("<!DOCTYPE html>\n<html><body><h1>Bad Request</h1></body></html>\n");
}

int main(void)
{
    struct request_info req;
    if (load_request(&req) != 0) {
        print_bad_request();
        free(req.path);
        return 0;
    }
    print_not_found(&req);
    free(req.path);
    return 0;
}
