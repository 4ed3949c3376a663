// The host is compared exactly: the prefix includes the slash after it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void redirect(const char *url) {
    printf("Status: 302 Found\r\nLocation: %s\r\n\r\n", url);
}

int main(void) {
    char *target = getenv("QUERY_STRING");
    if (target == NULL) return 1;
    if (strncmp(target, "https://example.com/", 20) == 0 || strcmp(target, "https://example.com") == 0) {
        redirect(target);
    }
    return 0;
}
