#include <cstdio>

int main() {
    int scores[3] = {0, 0, 0};
    int which = 0;
    if (std::scanf("%d", &which) != 1) return 1;
    if (which < 0 || which > 2) return 1;
    scores[which] += 1;
    std::printf("%d\n", scores[0]);
    return 0;
}
