
struct account *open_account(int id) {
    // allocate an account with the given id and a zero balance
