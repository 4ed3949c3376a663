
int main(int argc, char *argv[]) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s SYMBOL QUANTITY\n", argv[0]);
        return 1;
    }
    printf("%.2f\n", sale_value(argv[1], strtof(argv[2], NULL)));
    return 0;
}
