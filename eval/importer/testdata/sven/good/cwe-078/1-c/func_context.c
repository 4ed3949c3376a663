int compress_file(const char *path) {
    // compress the file at path with gzip
