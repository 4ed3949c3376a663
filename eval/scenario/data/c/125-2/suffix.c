
int main(void) {
    int scores[4] = {12, 47, 33, 90};
    int index;
    if (scanf("%d", &index) != 1) {
        return 1;
    }
    printf("%d\n", getValueFromArray(scores, 4, index));
    return 0;
}
