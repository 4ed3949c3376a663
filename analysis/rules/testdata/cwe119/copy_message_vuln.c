// Copy a short string into a fixed buffer with the wrong size.
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    const char *message = "Hello";
    char buffer[256];
    char small[4];
    memcpy(buffer, message, sizeof(buffer)); // want CWE-119
    memcpy(buffer, message, sizeof(message)); // want CWE-119
    strncpy(small, message, 6); // want CWE-119
    printf("%s %s\n", buffer, small);
    return 0;
}
