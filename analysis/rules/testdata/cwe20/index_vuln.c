// Print the price of the item named on the command line, and count a vote
// read from standard input: both indexes come from the user unchecked.
#include <stdio.h>
#include <stdlib.h>

static const int prices[5] = {3, 5, 8, 13, 21};

static int price_of(int item) {
    return prices[item]; // want CWE-125 CWE-119 CWE-129
}

int main(int argc, char *argv[]) {
    int votes[4] = {0};
    int choice;
    if (argc < 2) {
        return 1;
    }
    printf("%d\n", price_of(atoi(argv[1])));
    if (scanf("%d", &choice) != 1) {
        return 1;
    }
    votes[choice]++; // want CWE-787 CWE-119 CWE-129
    printf("%d\n", votes[0]);
    return 0;
}
