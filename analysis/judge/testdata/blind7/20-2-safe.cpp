// Audio mixer console: reads "set/mute/show" commands on stdin and keeps per-channel levels.
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

class Mixer {
public:
    static constexpr int kChannels = 8;

    Mixer() {
        for (int i = 0; i < kChannels; ++i) {
            levels_[i] = 50;
            muted_[i] = false;
        }
    }

    bool setLevel(int channel, int level) {
        if (!isChannel(channel))
            return false;
        int idx = toIndex(channel);
        if (level < 0 || level > 100)
            return false;
        levels_[idx] = level;
        return true;
    }

    bool toggleMute(int channel) {
        if (!isChannel(channel))
            return false;
        int idx = toIndex(channel);
        muted_[idx] = !muted_[idx];
        return true;
    }

    void print(std::ostream &os) const {
        for (int i = 0; i < kChannels; ++i)
            os << "ch" << (i + 1) << ": " << levels_[i] << (muted_[i] ? " (muted)" : "") << '\n';
    }

private:
    // Channels are numbered from 1 on the console.
    static int toIndex(int channel) { return channel - 1; }
    static bool isChannel(int channel) { return channel >= 1 && channel <= kChannels; }

    int levels_[kChannels];
    bool muted_[kChannels];
};

static std::vector<std::string> split(const std::string &line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    std::string tok;
    while (in >> tok)
        out.push_back(tok);
    return out;
}

static bool toInt(const std::string &s, int &out) {
    try {
        size_t pos = 0;
        int v = std::stoi(s, &pos);
        if (pos != s.size())
            return false;
        out = v;
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

static void runCommand(Mixer &mixer, const std::vector<std::string> &args) {
    if (args.empty())
        return;
    const std::string &cmd = args[0];
    int ch = 0, level = 0;
    if (cmd == "set" && args.size() == 3 && toInt(args[1], ch) && toInt(args[2], level)) {
        std::cout << (mixer.setLevel(ch, level) ? "ok" : "rejected") << '\n';
    } else if (cmd == "mute" && args.size() == 2 && toInt(args[1], ch)) {
        std::cout << (mixer.toggleMute(ch) ? "ok" : "rejected") << '\n';
    } else if (cmd == "show") {
        mixer.print(std::cout);
    } else {
        std::cout << "usage: set <ch> <level> | mute <ch> | show\n";
    }
}

int main() {
    Mixer mixer;
    std::string line;
    while (std::getline(std::cin, line))
        runCommand(mixer, split(line));
    return 0;
}
