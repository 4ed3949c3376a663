// C++: the command is fixed; the user name is passed to getpwnam.
#include <cstdio>
#include <pwd.h>
#include <string>

int main(int argc, char *argv[]) {
    std::string user(argv[1]);
    struct passwd *pw = getpwnam(user.c_str());
    if (pw == nullptr) return 1;
    std::printf("%s %d %s\n", pw->pw_name, static_cast<int>(pw->pw_uid), pw->pw_dir);
    return 0;
}
