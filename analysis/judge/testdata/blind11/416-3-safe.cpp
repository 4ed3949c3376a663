/* Runs a small command script from stdin (set, echo, sum, show), where a trailing backslash continues a command on the next line. */
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

class ScriptReader {
public:
    explicit ScriptReader(std::istream& in) : in_(in) {}
    bool next(std::vector<std::string_view>& words);
    int line() const { return line_no_; }

private:
    static void split(std::string_view text, std::vector<std::string_view>& out);

    std::istream& in_;
    std::string buf_;
    int line_no_ = 0;
};

void ScriptReader::split(std::string_view text, std::vector<std::string_view>& out)
{
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
            ++i;
        size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
            ++i;
        if (i > start)
            out.push_back(text.substr(start, i - start));
    }
}

bool ScriptReader::next(std::vector<std::string_view>& words)
{
    std::string line;
    words.clear();
    buf_.clear();
    while (words.empty()) {
        if (!std::getline(in_, line))
            return false;
        ++line_no_;
        if (!line.empty() && line[0] == '#')
            continue;
        for (;;) {
            size_t start = buf_.size();
            buf_ += line;
            std::vector<std::string_view> part;
            split(std::string_view(buf_).substr(start), part);
            if (part.empty() || part.back() != "\\")
                break;
            buf_.resize(static_cast<size_t>(part.back().data() - buf_.data()));
            if (!std::getline(in_, line))
                break;
            ++line_no_;
            buf_ += ' ';
        }
        split(buf_, words);
    }
    return true;
}

class Interpreter {
public:
    bool run(const std::vector<std::string_view>& words, std::ostream& out, std::string& err);

private:
    std::string expand(std::string_view word) const;
    std::map<std::string, std::string, std::less<>> vars_;
};

std::string Interpreter::expand(std::string_view word) const
{
    if (word.size() > 1 && word[0] == '$') {
        auto it = vars_.find(word.substr(1));
        return it == vars_.end() ? std::string() : it->second;
    }
    return std::string(word);
}

bool Interpreter::run(const std::vector<std::string_view>& words, std::ostream& out, std::string& err)
{
    std::string_view cmd = words[0];
    if (cmd == "set") {
        if (words.size() < 2) {
            err = "set needs a name";
            return false;
        }
        std::string value;
        for (size_t i = 2; i < words.size(); ++i) {
            if (i > 2)
                value += ' ';
            value += expand(words[i]);
        }
        vars_[std::string(words[1])] = value;
    } else if (cmd == "echo") {
        for (size_t i = 1; i < words.size(); ++i)
            out << (i > 1 ? " " : "") << expand(words[i]);
        out << "\n";
    } else if (cmd == "sum") {
        long long total = 0;
        for (size_t i = 1; i < words.size(); ++i) {
            std::string w = expand(words[i]);
            char* end = nullptr;
            long v = std::strtol(w.c_str(), &end, 10);
            if (w.empty() || *end != '\0' || v > 1000000000L || v < -1000000000L) {
                err = "sum: bad number '" + w + "'";
                return false;
            }
            total += v;
        }
        out << total << "\n";
    } else if (cmd == "show") {
        for (const auto& kv : vars_)
            out << kv.first << "=" << kv.second << "\n";
    } else {
        err = "unknown command '" + std::string(cmd) + "'";
        return false;
    }
    return true;
}

int main()
{
    ScriptReader reader(std::cin);
    Interpreter interp;
    std::vector<std::string_view> words;
    std::string err;
    int failures = 0;
    while (reader.next(words)) {
        if (!interp.run(words, std::cout, err)) {
            std::cerr << "line " << reader.line() << ": " << err << "\n";
            ++failures;
        }
    }
    return failures ? 1 : 0;
}
