#include <iostream>

struct Account {
    int balance;
};

int main() {
    Account *a = new Account{100};
    std::cout << a->balance << std::endl;
    delete a;
    return 0;
}
