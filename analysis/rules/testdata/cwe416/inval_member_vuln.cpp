// A playlist: duplicating a track appends to the member vector while the
// caller's track, found in that vector, is still written.
#include <iostream>
#include <string>
#include <vector>

struct Track {
    std::string title;
    int plays;
};

class Playlist {
public:
    Track &append(const std::string &title) {
        tracks_.push_back(Track{title, 0});
        return tracks_.back();
    }

    Track *lookup(const std::string &title) {
        for (auto &t : tracks_)
            if (t.title == title)
                return &t;
        return nullptr;
    }

    void duplicate(Track &orig);

    std::size_t size() const { return tracks_.size(); }

private:
    std::vector<Track> tracks_;
};

int main(int argc, char *argv[]) {
    Playlist pl;
    for (int i = 1; i < argc; i++)
        pl.append(argv[i]);
    if (Track *t = pl.lookup("intro"))
        pl.duplicate(*t);
    Track &first = pl.append("outro");
    pl.append("bonus");
    std::cout << first.title << " " << pl.size() << "\n"; // want CWE-416
    return 0;
}

// Defined after its caller, as a candidate completing it would be.
void Playlist::duplicate(Track &orig) {
    Track &copy = append(orig.title + " (copy)");
    copy.plays = orig.plays; // want CWE-416
}
