/* Loads a profile file whose profiles can inherit settings from earlier ones and prints one profile or all of them. */
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

struct Profile {
    std::string name;
    std::string parent;
    std::map<std::string, std::string> settings;
};

static std::string trim(const std::string& s)
{
    const char* ws = " \t\r\n";
    size_t b = s.find_first_not_of(ws);
    if (b == std::string::npos)
        return "";
    size_t e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

class ProfileSet {
public:
    bool load(std::istream& in, std::string& err);
    const Profile* find(const std::string& name) const;
    void print(std::ostream& out, const Profile& p) const;
    void print_all(std::ostream& out) const;

private:
    int index_of(const std::string& name) const;
    Profile& add_profile(const std::string& name, const std::string& parent);

    std::vector<Profile> profiles_;
};

int ProfileSet::index_of(const std::string& name) const
{
    for (size_t i = 0; i < profiles_.size(); ++i)
        if (profiles_[i].name == name)
            return static_cast<int>(i);
    return -1;
}

Profile& ProfileSet::add_profile(const std::string& name, const std::string& parent)
{
    int pi = parent.empty() ? -1 : index_of(parent);
    if (pi < 0) {
        profiles_.push_back(Profile{name, "", {}});
        return profiles_.back();
    }
    Profile child{name, parent, profiles_[pi].settings};
    profiles_.push_back(std::move(child));
    return profiles_.back();
}

bool ProfileSet::load(std::istream& in, std::string& err)
{
    std::string line;
    int lineno = 0;
    Profile* cur = nullptr;
    while (std::getline(in, line)) {
        ++lineno;
        std::string t = trim(line);
        if (t.empty() || t[0] == '#')
            continue;
        std::istringstream ls(t);
        std::string kw;
        ls >> kw;
        if (kw == "profile") {
            std::string name, colon, parent;
            ls >> name >> colon >> parent;
            if (name.empty() || (!colon.empty() && (colon != ":" || parent.empty()))) {
                err = "line " + std::to_string(lineno) + ": malformed profile header";
                return false;
            }
            if (index_of(name) >= 0) {
                err = "line " + std::to_string(lineno) + ": duplicate profile " + name;
                return false;
            }
            if (!parent.empty() && index_of(parent) < 0) {
                err = "line " + std::to_string(lineno) + ": unknown parent " + parent;
                return false;
            }
            cur = &add_profile(name, parent);
        } else if (kw == "set") {
            std::string key, value;
            ls >> key;
            std::getline(ls, value);
            value = trim(value);
            if (!cur || key.empty()) {
                err = "line " + std::to_string(lineno) + ": set outside profile or without key";
                return false;
            }
            cur->settings[key] = value;
        } else {
            err = "line " + std::to_string(lineno) + ": unknown directive " + kw;
            return false;
        }
    }
    return true;
}

const Profile* ProfileSet::find(const std::string& name) const
{
    int i = index_of(name);
    return i < 0 ? nullptr : &profiles_[i];
}

void ProfileSet::print(std::ostream& out, const Profile& p) const
{
    out << "[" << p.name;
    if (!p.parent.empty())
        out << " : " << p.parent;
    out << "]\n";
    for (const auto& kv : p.settings)
        out << "  " << kv.first << " = " << kv.second << "\n";
}

void ProfileSet::print_all(std::ostream& out) const
{
    for (const auto& p : profiles_)
        print(out, p);
}

int main(int argc, char** argv)
{
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: " << argv[0] << " PROFILE-FILE [NAME]\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    ProfileSet set;
    std::string err;
    if (!set.load(in, err)) {
        std::cerr << argv[1] << ": " << err << "\n";
        return 1;
    }
    if (argc == 3) {
        const Profile* p = set.find(argv[2]);
        if (!p) {
            std::cerr << "no profile named " << argv[2] << "\n";
            return 1;
        }
        set.print(std::cout, *p);
    } else {
        set.print_all(std::cout);
    }
    return 0;
}
