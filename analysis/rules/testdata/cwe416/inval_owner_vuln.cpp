// A connection keeps its receive buffer in a std::unique_ptr. Before a
// reconnect the code keeps the raw pointer for logging, and the reconnect
// replaces the buffer, destroying the old one.
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
    buf.reset(new Buffer());
    std::printf("previous buffer held %zu bytes\n", last->used); // want CWE-416
    return 0;
}
