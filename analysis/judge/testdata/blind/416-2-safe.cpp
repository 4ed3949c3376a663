// Playlist builder: starts from a seed track, appends tracks read from stdin, then reports the seed and total length.
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
    explicit Playlist(Track seed) { tracks_.push_back(std::move(seed)); }

    Track& seed() { return tracks_.front(); }

    void add(const Track& t) { tracks_.push_back(t); }

    int total_seconds() const {
        int total = 0;
        for (const auto& t : tracks_)
            total += t.seconds;
        return total;
    }

    std::size_t size() const { return tracks_.size(); }

private:
    std::vector<Track> tracks_;
};

static bool parse_track(const std::string& line, Track& out) {
    std::istringstream in(line);
    if (!(in >> out.seconds))
        return false;
    std::getline(in >> std::ws, out.title);
    return !out.title.empty() && out.seconds > 0;
}

int main() {
    Playlist list({"Opening Theme", 95});
    list.seed().title += " (intro)";

    std::string line;
    while (std::getline(std::cin, line)) {
        Track t;
        if (parse_track(line, t))
            list.add(t);
    }
    const Track& first = list.seed();
    std::cout << "seed: " << first.title << " (" << first.seconds << "s)\n";
    std::cout << list.size() << " tracks, " << list.total_seconds() << "s total\n";
    return 0;
}
