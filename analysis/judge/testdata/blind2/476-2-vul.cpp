// Account administration shell: reads add/chsh/lock/clone commands from stdin and prints the user table.
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

struct User {
    std::string name;
    std::string shell;
    int uid = 0;
    bool locked = false;
};

class UserTable {
public:
    User *find(const std::string &name) {
        auto it = users_.find(name);
        return it == users_.end() ? nullptr : &it->second;
    }

    bool add(const std::string &name, int uid, const std::string &shell) {
        if (find(name) || uid < 1000)
            return false;
        users_[name] = User{name, shell, uid, false};
        return true;
    }

    // Creates dst with the same shell and lock state as src and the next free uid.
    bool clone(const std::string &src, const std::string &dst) {
        const User *from = find(src);
        if (!add(dst, next_uid(), from->shell))
            return false;
        find(dst)->locked = from->locked;
        return true;
    }

    void print(std::ostream &out) const {
        for (const auto &kv : users_)
            out << kv.second.name << ":" << kv.second.uid << ":" << kv.second.shell
                << (kv.second.locked ? ":locked" : "") << "\n";
    }

private:
    int next_uid() const {
        int uid = 1000;
        for (const auto &kv : users_)
            uid = kv.second.uid >= uid ? kv.second.uid + 1 : uid;
        return uid;
    }
    std::map<std::string, User> users_;
};

int main() {
    UserTable table;
    std::string line, cmd, a, b;

    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        if (!(in >> cmd >> a))
            continue;
        bool ok = false;
        if (cmd == "add" && in >> b) {
            ok = table.add(a, 1000 + static_cast<int>(std::hash<std::string>{}(a) % 1000), b);
        } else if (cmd == "chsh" && in >> b) {
            User *u = table.find(a);
            if (u) {
                u->shell = b;
                ok = true;
            }
        } else if (cmd == "lock") {
            User *u = table.find(a);
            ok = u && (u->locked = true);
        } else if (cmd == "clone" && in >> b) {
            ok = table.clone(a, b);
        }
        std::cout << (ok ? "ok: " : "failed: ") << line << "\n";
    }
    table.print(std::cout);
    return 0;
}
