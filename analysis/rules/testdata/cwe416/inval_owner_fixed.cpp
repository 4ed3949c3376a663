// A connection keeps its receive buffer in a std::unique_ptr. Before a
// reconnect the code saves the figure it wants to log, and looks at the
// buffer again only through the owner after the reconnect.
#include <cstdio>
#include <cstring>
#include <memory>

struct Buffer {
    char data[256];
    size_t used = 0;
};

int main() {
    auto buf = std::make_unique<Buffer>();
    std::strcpy(buf->data, "hello");
    buf->used = 5;
    Buffer *last = buf.get();
    size_t previous = last->used;
    buf.reset(new Buffer());
    last = buf.get();
    std::printf("previous buffer held %zu bytes, new one %zu\n", previous, last->used);
    return 0;
}
