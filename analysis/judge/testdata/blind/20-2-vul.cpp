// Ledger tool: loads account balances, then applies "from to amount" transfers read from stdin.
#include <iostream>
#include <map>
#include <sstream>
#include <string>

class Ledger {
public:
    void open(const std::string& name, long cents) { balances_[name] = cents; }

    bool transfer(const std::string& from, const std::string& to, long amount, std::string& err) {
        auto src = balances_.find(from);
        auto dst = balances_.find(to);
        if (src == balances_.end() || dst == balances_.end()) {
            err = "unknown account";
            return false;
        }
        if (amount > src->second) {
            err = "insufficient funds";
            return false;
        }
        src->second -= amount;
        dst->second += amount;
        return true;
    }

    void report(std::ostream& out) const {
        for (const auto& kv : balances_)
            out << kv.first << " " << kv.second << "\n";
    }

private:
    std::map<std::string, long> balances_;
};

static bool parse_request(const std::string& line, std::string& from, std::string& to, long& amount) {
    std::istringstream in(line);
    return static_cast<bool>(in >> from >> to >> amount);
}

int main() {
    Ledger ledger;
    ledger.open("alice", 10000);
    ledger.open("bob", 2500);
    ledger.open("carol", 0);

    std::string line;
    while (std::getline(std::cin, line)) {
        std::string from, to, err;
        long amount = 0;
        if (!parse_request(line, from, to, amount)) {
            std::cerr << "bad request: " << line << "\n";
            continue;
        }
        if (!ledger.transfer(from, to, amount, err))
            std::cerr << "rejected: " << err << "\n";
    }
    ledger.report(std::cout);
    return 0;
}
