#include <iostream>

struct Account {
    int balance;
};

int main() {
    Account *a = new Account{100};
    delete a;
    std::cout << a->balance << std::endl;
    return 0;
}
