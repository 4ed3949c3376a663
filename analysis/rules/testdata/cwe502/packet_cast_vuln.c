// A game server takes each datagram as a message struct; the message names
// the player's display name by pointer.
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct chat_msg {
    unsigned short type;
    unsigned short len;
    const char *nick;
    char text[120];
};

static void show(const struct chat_msg *m) {
    fprintf(stderr, "<%s> %.*s\n", m->nick, (int)sizeof m->text, m->text);
}

int main(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    if (s < 0) {
        return 1;
    }
    unsigned char buf[sizeof(struct chat_msg)];
    for (;;) {
        ssize_t n = recv(s, buf, sizeof buf, 0);
        if (n != (ssize_t)sizeof buf) {
            continue;
        }
        struct chat_msg *m = (struct chat_msg *)buf; // want CWE-502
        if (m->type == 1) {
            show(m);
        }
    }
}
