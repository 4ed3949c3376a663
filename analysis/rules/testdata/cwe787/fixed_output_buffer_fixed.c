// The same with every copy bounded by the destination.
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char *input = argv[1];
    char output[9];
    int i = 0, j = 0;
    while (input[i] != '\0' && j < 8) {
        if (input[i] != ' ') {
            output[j] = input[i];
            j++;
        }
        i++;
    }
    output[j] = '\0';
    char name[32], line[64], greeting[64];
    if (strlen(argv[1]) >= sizeof(name)) {
        return 1;
    }
    strcpy(name, argv[1]);
    snprintf(greeting, sizeof greeting, "hello %s", argv[1]);
    fgets(line, sizeof line, stdin);
    scanf("%31s", name);
    printf("%s %s %s %s\n", output, name, line, greeting);
    return 0;
}
