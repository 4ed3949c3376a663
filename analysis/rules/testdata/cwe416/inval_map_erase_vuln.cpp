// Sessions that expired are dropped while walking the table.
#include <iostream>
#include <map>
#include <string>

struct Session {
    std::string user;
    long expires;
};

void expire(std::map<int, Session> &sessions, long now) {
    for (auto it = sessions.begin(); it != sessions.end(); ++it) { // want CWE-416
        if (it->second.expires < now) {
            sessions.erase(it);
        }
    }
}

int main() {
    std::map<int, Session> sessions;
    sessions[1] = Session{"ann", 10};
    sessions[2] = Session{"bob", 99};
    expire(sessions, 50);
    std::cout << sessions.size() << "\n";
    return 0;
}
