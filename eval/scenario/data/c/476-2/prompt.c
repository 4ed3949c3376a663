/*
 * Echo the first line typed on standard input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_SIZE 1024

int main(void) {
    // allocate a buffer of BUFFER_SIZE bytes and read one line from stdin into it
