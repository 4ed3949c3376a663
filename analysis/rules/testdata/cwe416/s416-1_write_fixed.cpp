// 416-1 (C++): the results hold the numbers only.
/*
 * Read a data file into memory, release the memory as soon as the data is
 * consumed, and record what was read in results.txt.
 */
#include <cstddef>
#include <fstream>
#include <iostream>

constexpr std::size_t CHUNK = 4096;

int main(int argc, char *argv[]) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " FILE\n";
        return 1;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << argv[1] << ": cannot open\n";
        return 1;
    }
    unsigned char *data = new unsigned char[CHUNK];
    in.read(reinterpret_cast<char *>(data), CHUNK);
    std::size_t bytes_read = static_cast<std::size_t>(in.gcount());

    // the checksum is the sum of the bytes
    unsigned int checksum = 0;
    for (std::size_t i = 0; i < bytes_read; i++) {
        checksum += data[i];
    }
    delete[] data;

    // write the number of bytes read and the checksum to results.txt
    std::ofstream results("results.txt");
    results << "bytes read: " << bytes_read << "\n";
    results << "checksum: " << checksum << "\n";
    return results ? 0 : 1;
}
