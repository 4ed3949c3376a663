// The size of what is read, terminator included.
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    const char *message = "Hello";
    char buffer[256];
    char small[4];
    memcpy(buffer, message, strlen(message) + 1);
    memcpy(buffer, "Hello", 6);
    strncpy(small, message, sizeof small - 1);
    small[3] = '\0';
    printf("%s %s\n", buffer, small);
    return 0;
}
