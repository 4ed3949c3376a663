// Session key generator: creates a random 256-bit key and atomically replaces the service's hex key file with it.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

class KeyFile {
public:
    explicit KeyFile(std::string path) : path_(std::move(path)) {}

    bool ensure_exists() const {
        int fd = open(path_.c_str(), O_WRONLY | O_CREAT, 0600);
        if (fd < 0)
            return false;
        close(fd);
        return true;
    }

    bool replace(const std::vector<unsigned char>& key) const {
        const std::string tmp = path_ + ".tmp";
        {
            mode_t old = umask(077);
            std::ofstream out(tmp, std::ios::trunc);
            umask(old);
            if (!out)
                return false;
            for (unsigned char b : key)
                out << std::hex << std::setw(2) << std::setfill('0') << static_cast<int>(b);
            out << '\n';
            if (!out.flush())
                return false;
        }
        return std::rename(tmp.c_str(), path_.c_str()) == 0;
    }

private:
    std::string path_;
};

static bool random_bytes(std::vector<unsigned char>& buf) {
    std::ifstream rnd("/dev/urandom", std::ios::binary);
    return bool(rnd.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(buf.size())));
}

int main(int argc, char** argv) {
    KeyFile kf(argc > 1 ? argv[1] : "service.key");
    std::vector<unsigned char> key(32);
    if (!random_bytes(key)) {
        std::cerr << "no entropy source\n";
        return 1;
    }
    if (!kf.ensure_exists() || !kf.replace(key)) {
        std::perror("key file");
        return 1;
    }
    std::cout << "key rotated\n";
    return 0;
}
