// Build-step scheduler: reads "step fanout" lines, expands steps into generated sub-steps and prints the run order.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

struct Step {
    std::string name;
    int fanout;
    bool expanded;
};

class Scheduler {
public:
    void add(std::string name, int fanout) {
        steps_.push_back(Step{std::move(name), fanout, fanout == 0});
    }

    void expand() {
        for (size_t i = 0; i < steps_.size(); ++i) {
            Step& step = steps_[i];
            if (step.expanded)
                continue;
            for (int k = 0; k < step.fanout; ++k)
                add(step.name + "." + std::to_string(k), 0);
            step.expanded = true;
        }
    }

    void print() const {
        for (const Step& s : steps_)
            std::cout << s.name << (s.fanout ? " (group)" : "") << "\n";
    }

    size_t size() const { return steps_.size(); }

private:
    std::vector<Step> steps_;
};

int main() {
    Scheduler sched;
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string name;
        int fanout = 0;
        if (!(in >> name))
            continue;
        in >> fanout;
        if (fanout < 0 || fanout > 16) {
            std::cerr << name << ": fanout out of range\n";
            continue;
        }
        sched.add(name, fanout);
    }
    sched.expand();
    sched.print();
    std::cout << sched.size() << " steps\n";
    return 0;
}
