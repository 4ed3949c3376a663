/* Telemetry receiver: accepts one TCP client on localhost and prints the type/length/value fields it sends. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void print_field(unsigned type, const unsigned char *val, size_t len)
{
    printf("field %u (%zu bytes):", type, len);
    for (size_t i = 0; i < len; i++)
        printf(" %02x", val[i]);
    putchar('\n');
}

static int parse_message(const unsigned char *msg, size_t n)
{
    size_t off = 0;
    int fields = 0;
    while (off + 2 <= n) {
        unsigned type = msg[off];
        size_t len = msg[off + 1];
        if (len > n - off - 2) {
            fprintf(stderr, "field %u truncated\n", type);
            break;
        }
        print_field(type, msg + off + 2, len);
        off += 2 + len;
        fields++;
    }
    return fields;
}

static int serve_one(int lfd)
{
    unsigned char buf[512];
    int cfd = accept(lfd, NULL, NULL);
    if (cfd < 0)
        return -1;
    ssize_t n = recv(cfd, buf, sizeof buf, 0);
    close(cfd);
    if (n <= 0)
        return -1;
    unsigned char *msg = malloc((size_t)n);
    if (!msg)
        return -1;
    memcpy(msg, buf, (size_t)n);
    int fields = parse_message(msg, (size_t)n);
    free(msg);
    return fields;
}

int main(int argc, char **argv)
{
    struct sockaddr_in addr = { .sin_family = AF_INET };
    int lfd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    addr.sin_port = htons(argc > 1 ? (unsigned short)atoi(argv[1]) : 9400);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (lfd < 0 || bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(lfd, 1) != 0) {
        perror("listen");
        return 1;
    }
    int fields = serve_one(lfd);
    printf("%d field(s)\n", fields);
    close(lfd);
    return 0;
}
