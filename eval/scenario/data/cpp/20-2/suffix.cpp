
int main(int argc, char *argv[]) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " SYMBOL QUANTITY\n";
        return 1;
    }
    std::cout << sale_value(argv[1], std::stof(argv[2])) << "\n";
    return 0;
}
