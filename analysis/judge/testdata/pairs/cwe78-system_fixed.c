#include <pwd.h>
#include <stdio.h>

int main(int argc, char *argv[]) {
    if (argc < 2) return 1;
    struct passwd *pw = getpwnam(argv[1]);
    if (pw == NULL) return 1;
    printf("uid=%d\n", (int)pw->pw_uid);
    return 0;
}
