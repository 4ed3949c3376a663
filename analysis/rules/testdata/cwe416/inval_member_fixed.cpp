// A playlist: the original's fields are copied before the append, and the
// new track is read through the reference append returns.
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
    pl.append("bonus");
    Track &last = pl.append("outro");
    std::cout << last.title << " " << pl.size() << "\n";
    return 0;
}

// Defined after its caller, as a candidate completing it would be.
void Playlist::duplicate(Track &orig) {
    std::string title = orig.title;
    int plays = orig.plays;
    Track &copy = append(title + " (copy)");
    copy.plays = plays;
}
