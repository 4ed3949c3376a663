// Redirect to a URL from the request only when it is on example.com.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void redirect(const char *url) {
    printf("Status: 302 Found\r\nLocation: %s\r\n\r\n", url);
}

int main(void) {
    char *target = getenv("QUERY_STRING");
    if (target == NULL) return 1;
    if (strstr(target, "example.com") != NULL) { // want CWE-20
        redirect(target);
    } else if (strncmp(target, "https://example.com", 19) == 0) { // want CWE-20
        redirect(target);
    }
    return 0;
}
