// A game server parses each datagram field by field: a type, a nickname
// and a text, each copied out and terminated; no pointer comes off the wire.
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct chat_msg {
    unsigned short type;
    char nick[16];
    char text[120];
};

static void show(const struct chat_msg *m) {
    fprintf(stderr, "<%s> %s\n", m->nick, m->text);
}

int main(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    if (s < 0) {
        return 1;
    }
    unsigned char buf[2 + 16 + 120];
    for (;;) {
        ssize_t n = recv(s, buf, sizeof buf, 0);
        if (n != (ssize_t)sizeof buf) {
            continue;
        }
        struct chat_msg m;
        m.type = (unsigned short)(buf[0] | buf[1] << 8);
        memcpy(m.nick, buf + 2, sizeof m.nick - 1);
        m.nick[sizeof m.nick - 1] = '\0';
        memcpy(m.text, buf + 18, sizeof m.text - 1);
        m.text[sizeof m.text - 1] = '\0';
        if (m.type == 1) {
            show(&m);
        }
    }
}
