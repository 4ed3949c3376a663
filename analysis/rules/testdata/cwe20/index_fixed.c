// Print the price of the item named on the command line, and count a vote
// read from standard input: both indexes are checked against both bounds.
#include <stdio.h>
#include <stdlib.h>

static const int prices[5] = {3, 5, 8, 13, 21};

static int price_of(int item) {
    if (item < 0 || item >= 5) {
        return -1;
    }
    return prices[item];
}

int main(int argc, char *argv[]) {
    int votes[4] = {0};
    int choice;
    if (argc < 2) {
        return 1;
    }
    printf("%d\n", price_of(atoi(argv[1])));
    if (scanf("%d", &choice) != 1 || choice < 0 || choice > 3) {
        return 1;
    }
    votes[choice]++;
    printf("%d\n", votes[0]);
    return 0;
}
