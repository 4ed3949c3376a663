#include <stdio.h>
#include <stdlib.h>

struct account {
    int id;
    long balance;
};
