
int main(void) {
    char request[256];
    char reply[REPLY_SIZE];
    if (fgets(request, sizeof request, stdin) == NULL) {
        return 1;
    }
    request[strcspn(request, "\r\n")] = '\0';
    hello_reply(request, reply, sizeof reply);
    fputs(reply, stdout);
    return 0;
}
