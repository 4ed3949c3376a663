// A CGI login step: it remembers the user name in a cookie and greets
// the user on the page, accepting only names of letters and digits.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    const char *q = getenv("QUERY_STRING");
    char user[64];
    if (q == NULL || strncmp(q, "user=", 5) != 0) {
        return 1;
    }
    snprintf(user, sizeof user, "%s", q + 5);
    for (const char *p = user; *p != '\0'; p++) {
        if (!isalnum((unsigned char)*p)) {
            return 1;
        }
    }
    printf("Content-Type: text/html\r\n");
    printf("Set-Cookie: user=%s; HttpOnly\r\n\r\n", user);
    printf("<p>Welcome back, %s.</p>\n", user);
    return 0;
}
