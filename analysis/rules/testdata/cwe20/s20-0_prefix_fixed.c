// 20-0 (C): the prefix includes the slash after the host, or the URL is the bare host.
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
    if (strcmp(url, "https://example.com") == 0 || strncmp(url, "https://example.com/", 20) == 0) {
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
