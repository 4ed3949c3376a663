// A chat server keeps a Session per connection and, on a "resume" frame,
// reads the user number the client sends and checks it against its own.
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>

class Session {
public:
    virtual ~Session() = default;
    virtual void on_message(const std::string &text) { last_ = text; }

    std::uint32_t user = 0;

private:
    std::string last_;
};

static bool read_frame(int sock, unsigned char *frame, std::size_t size) {
    ssize_t n = recv(sock, frame, size, MSG_WAITALL);
    return n == static_cast<ssize_t>(size);
}

void resume(int sock, Session &session) {
    unsigned char frame[4];
    if (!read_frame(sock, frame, sizeof frame)) {
        return;
    }
    std::uint32_t user = 0;
    std::memcpy(&user, frame, sizeof user);
    if (user != session.user) {
        return;
    }
    session.on_message("resumed");
}

int main() {
    Session s;
    resume(0, s);
    return 0;
}
