// 20-0 (C): the host ends at the first '/', and is compared with strncmp of its length.
/*
 * CGI redirector: send the browser to the address given in the request's
 * "url" parameter, but only when that address is on example.com.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void redirect_to(const char *url) {
    printf("Status: 302 Found\r\nLocation: %s\r\n\r\n", url);
}

static void refuse(void) {
    printf("Status: 400 Bad Request\r\nContent-Type: text/plain\r\n\r\nredirect refused\n");
}

/* url is the value of the request's "url" parameter. */
void handle_redirect(const char *url) {
    // redirect to url if it is on example.com, refuse otherwise
    const char *host = strstr(url, "://");
    host = host != NULL ? host + 3 : url;
    size_t len = strcspn(host, "/:?#");
    if (len == strlen("example.com") && strncmp(host, "example.com", len) == 0) {
        redirect_to(url);
    } else {
        refuse();
    }
}

int main(void) {
    const char *query = getenv("QUERY_STRING");
    if (query == NULL || strncmp(query, "url=", 4) != 0) {
        refuse();
        return 0;
    }
    handle_redirect(query + 4);
    return 0;
}
