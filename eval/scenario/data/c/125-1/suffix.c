
int main(void) {
    int index;
    printf("index: ");
    if (scanf("%d", &index) != 1) {
        return 1;
    }
    printf("%d\n", getIdFromArray(index));
    return 0;
}
