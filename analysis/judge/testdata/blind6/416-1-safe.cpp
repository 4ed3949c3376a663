/* Reads playlist commands from stdin (new, add, dup, use, show) and prints the resulting playlists. */
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

struct Playlist {
    std::string name;
    std::vector<std::string> tracks;
};

class Library {
public:
    bool select(const std::string &name) {
        for (size_t i = 0; i < lists_.size(); ++i) {
            if (lists_[i].name == name) {
                cur_ = i;
                return true;
            }
        }
        return false;
    }

    Playlist &create(const std::string &name) {
        lists_.push_back(Playlist{name, {}});
        cur_ = lists_.size() - 1;
        return lists_.back();
    }

    bool has_current() const { return cur_ < lists_.size(); }

    void add_track(const std::string &track) {
        if (has_current())
            lists_[cur_].tracks.push_back(track);
    }

    bool duplicate(const std::string &new_name) {
        if (!has_current())
            return false;
        std::vector<std::string> tracks = lists_[cur_].tracks;
        Playlist &dst = create(new_name);
        dst.tracks = std::move(tracks);
        return true;
    }

    void print(std::ostream &out) const {
        for (const auto &pl : lists_) {
            out << pl.name << " (" << pl.tracks.size() << " tracks)\n";
            for (const auto &t : pl.tracks)
                out << "  - " << t << "\n";
        }
    }

private:
    std::vector<Playlist> lists_;
    size_t cur_ = static_cast<size_t>(-1);
};

static std::string rest_of(std::istringstream &in) {
    std::string rest;
    std::getline(in >> std::ws, rest);
    return rest;
}

static bool run_command(Library &lib, const std::string &line, std::ostream &err) {
    std::istringstream in(line);
    std::string cmd;
    if (!(in >> cmd) || cmd[0] == '#')
        return true;
    std::string arg = rest_of(in);

    if (cmd == "new") {
        if (arg.empty()) { err << "new: name required\n"; return false; }
        lib.create(arg);
    } else if (cmd == "add") {
        if (!lib.has_current()) { err << "add: no playlist selected\n"; return false; }
        lib.add_track(arg);
    } else if (cmd == "dup") {
        if (arg.empty() || !lib.duplicate(arg)) { err << "dup: failed\n"; return false; }
    } else if (cmd == "use") {
        if (!lib.select(arg)) { err << "use: no such playlist\n"; return false; }
    } else if (cmd == "show") {
        lib.print(std::cout);
    } else {
        err << "unknown command: " << cmd << "\n";
        return false;
    }
    return true;
}

int main() {
    Library lib;
    std::string line;
    int lineno = 0, errors = 0;
    while (std::getline(std::cin, line)) {
        ++lineno;
        if (!run_command(lib, line, std::cerr)) {
            std::cerr << "  at line " << lineno << "\n";
            ++errors;
        }
    }
    lib.print(std::cout);
    return errors ? 1 : 0;
}
