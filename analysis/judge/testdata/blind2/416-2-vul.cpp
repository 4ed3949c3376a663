// Playlist manager: reads add/next/skip commands from stdin and prints the resulting play order.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

struct Track {
    std::string title;
    int seconds;
};

class Playlist {
public:
    void add(const std::string &title, int seconds) {
        tracks_.push_back({title, seconds});
        total_ += seconds;
    }

    // Queues a track to play right after the current one.
    void play_next(const std::string &title, int seconds) {
        if (tracks_.empty()) {
            add(title, seconds);
            return;
        }
        const Track &now = tracks_[current_];
        tracks_.insert(tracks_.begin() + static_cast<long>(current_) + 1, Track{title, seconds});
        total_ += seconds;
        std::cout << "queued \"" << title << "\" after \"" << now.title << "\"\n";
    }

    void skip() {
        if (current_ + 1 < tracks_.size())
            ++current_;
    }

    void print(std::ostream &out) const {
        for (size_t i = 0; i < tracks_.size(); ++i)
            out << (i == current_ ? "> " : "  ") << tracks_[i].title << " (" << tracks_[i].seconds << "s)\n";
        out << "total " << total_ / 60 << "m" << total_ % 60 << "s\n";
    }

private:
    std::vector<Track> tracks_;
    size_t current_ = 0;
    int total_ = 0;
};

int main() {
    Playlist pl;
    std::string line, cmd, title;
    int secs = 0;

    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        if (!(in >> cmd))
            continue;
        if (cmd == "skip") {
            pl.skip();
        } else if ((cmd == "add" || cmd == "next") && in >> title >> secs && secs > 0) {
            if (cmd == "add")
                pl.add(title, secs);
            else
                pl.play_next(title, secs);
        } else {
            std::cerr << "bad command: " << line << "\n";
        }
    }
    pl.print(std::cout);
    return 0;
}
