// 79-2 (C): sprintf of the page straight into the reply.
/*
 * Tiny web service: reply to a request with an HTML page that says hello
 * to the user named in the request's "user" parameter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPLY_SIZE 512

/* Returns a newly allocated copy of text in which &, <, >, " and ' are
 * replaced by HTML entities, or NULL when memory runs out. */
char *escape_html(const char *text);

/* Writes into reply (reply_size bytes) the page greeting the user named in
 * request, a line such as "user=alice". */
void hello_reply(const char *request, char *reply, size_t reply_size) {
    const char *user = strstr(request, "user=");
    user = (user != NULL) ? user + 5 : "anonymous";

    // write "<html><body>hello, USER</body></html>" into reply
    sprintf(reply, "<html><body>hello, %s</body></html>", user); // want CWE-79
}

int main(void) {
    char request[256];
    char reply[REPLY_SIZE];
    if (fgets(request, sizeof request, stdin) == NULL) {
        return 1;
    }
    request[strcspn(request, "\r\n")] = '\0';
    hello_reply(request, reply, sizeof reply);
    fputs(reply, stdout); // want CWE-79
    return 0;
}
