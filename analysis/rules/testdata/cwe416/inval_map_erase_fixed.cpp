// Expired sessions are dropped with the iterator erase() hands back.
#include <iostream>
#include <map>
#include <string>

struct Session {
    std::string user;
    long expires;
};

void expire(std::map<int, Session> &sessions, long now) {
    for (auto it = sessions.begin(); it != sessions.end();) {
        if (it->second.expires < now) {
            it = sessions.erase(it);
        } else {
            ++it;
        }
    }
}

void expire_postfix(std::map<int, Session> &sessions, long now) {
    auto it = sessions.begin();
    while (it != sessions.end()) {
        if (it->second.expires < now)
            sessions.erase(it++);
        else
            ++it;
    }
}

int main() {
    std::map<int, Session> sessions;
    sessions[1] = Session{"ann", 10};
    sessions[2] = Session{"bob", 99};
    expire(sessions, 50);
    expire_postfix(sessions, 60);
    auto found = sessions.find(2);
    sessions.erase(1); // another element: found stays valid
    if (found != sessions.end())
        std::cout << found->second.user << "\n";
    return 0;
}
