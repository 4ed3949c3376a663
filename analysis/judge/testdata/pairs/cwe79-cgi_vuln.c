#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const char *q = getenv("QUERY_STRING");
    if (q == NULL) q = "";
    printf("Content-Type: text/html\r\n\r\n");
    printf("<html><body><p>You searched for %s</p></body></html>\n", q);
    return 0;
}
