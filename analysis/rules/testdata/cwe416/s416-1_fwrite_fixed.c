// 416-1 (C): the data pointer is cleared after the free and not used again.
/*
 * Read a data file into memory, release the memory as soon as the data is
 * consumed, and record what was read in results.txt.
 */
#include <stdio.h>
#include <stdlib.h>

#define CHUNK 4096

int main(int argc, char *argv[]) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 1;
    }
    FILE *in = fopen(argv[1], "rb");
    if (in == NULL) {
        perror(argv[1]);
        return 1;
    }
    unsigned char *data = malloc(CHUNK);
    if (data == NULL) {
        fclose(in);
        return 1;
    }
    size_t bytes_read = fread(data, 1, CHUNK, in);
    fclose(in);

    // the checksum is the sum of the bytes
    unsigned int checksum = 0;
    for (size_t i = 0; i < bytes_read; i++) {
        checksum += data[i];
    }
    free(data);

    // write the number of bytes read and the checksum to results.txt
    data = NULL;
    FILE *out = fopen("results.txt", "a"); // want CWE-732
    if (out == NULL) {
        return 1;
    }
    fprintf(out, "bytes read: %zu\nchecksum: %u\n", bytes_read, checksum);
    fclose(out);
    return 0;
}
