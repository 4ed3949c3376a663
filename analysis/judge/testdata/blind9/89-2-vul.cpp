// Small line-based TCP note server on 127.0.0.1: "GET <id>" returns a public note from an SQLite database.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>

class NoteStore {
public:
    explicit NoteStore(const std::string &path)
    {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            std::string msg = sqlite3_errmsg(db_);
            sqlite3_close(db_);
            throw std::runtime_error("open " + path + ": " + msg);
        }
    }
    ~NoteStore() { sqlite3_close(db_); }
    NoteStore(const NoteStore &) = delete;
    NoteStore &operator=(const NoteStore &) = delete;

    std::string fetch(const std::string &id_text)
    {
        std::string sql = "SELECT id, title, body FROM notes WHERE is_public = 1 AND id = " +
                          id_text + " ORDER BY id";
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
            return "ERR query\n";
        std::string out;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            const unsigned char *title = sqlite3_column_text(stmt, 1);
            const unsigned char *body = sqlite3_column_text(stmt, 2);
            out += "NOTE " + std::to_string(sqlite3_column_int64(stmt, 0)) + " " +
                   (title ? reinterpret_cast<const char *>(title) : "") + ": " +
                   (body ? reinterpret_cast<const char *>(body) : "") + "\n";
        }
        sqlite3_finalize(stmt);
        return out.empty() ? "ERR not found\n" : out + "END\n";
    }

private:
    sqlite3 *db_ = nullptr;
};

static bool parse_id(const std::string &text, long &id)
{
    try {
        id = std::stol(text);
    } catch (const std::exception &) {
        return false;
    }
    return id > 0;
}

static std::string handle_line(NoteStore &store, const std::string &line)
{
    size_t sp = line.find(' ');
    std::string cmd = line.substr(0, sp);
    std::string arg = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (cmd == "GET") {
        long id = 0;
        if (!parse_id(arg, id))
            return "ERR bad id\n";
        return store.fetch(arg);
    }
    if (cmd == "PING")
        return "PONG\n";
    return "ERR unknown command\n";
}

static void serve_client(NoteStore &store, int fd)
{
    std::string pending;
    char buf[512];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return;
        pending.append(buf, static_cast<size_t>(n));
        size_t nl;
        while ((nl = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (line == "QUIT")
                return;
            std::string reply = handle_line(store, line);
            if (send(fd, reply.data(), reply.size(), MSG_NOSIGNAL) < 0)
                return;
        }
        if (pending.size() > 1024)
            return;
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " DATABASE PORT\n";
        return 2;
    }
    int port = std::atoi(argv[2]);
    if (port <= 0 || port > 65535) {
        std::cerr << "bad port\n";
        return 2;
    }
    try {
        NoteStore store(argv[1]);
        int lfd = socket(AF_INET, SOCK_STREAM, 0);
        if (lfd < 0)
            return 1;
        int on = 1;
        setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (bind(lfd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 || listen(lfd, 8) < 0) {
            std::cerr << "cannot listen on port " << port << "\n";
            close(lfd);
            return 1;
        }
        for (;;) {
            int cfd = accept(lfd, nullptr, nullptr);
            if (cfd < 0)
                continue;
            serve_client(store, cfd);
            close(cfd);
        }
    } catch (const std::exception &e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}
