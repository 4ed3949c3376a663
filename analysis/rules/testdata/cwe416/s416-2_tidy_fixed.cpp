// 416-2 (C++): the buffer is deleted only on the path that kept it.
/*
 * Read one line from standard input into a scratch buffer and keep a copy
 * of it; an empty line aborts the operation.
 */
#include <cstring>
#include <iostream>
#include <string>

constexpr int LINE_LEN = 128;

int main() {
    std::string saved;
    bool aborted = false;

    // scratch buffer for the line
    char *scratch = new char[LINE_LEN];
    if (!std::cin.getline(scratch, LINE_LEN)) {
        scratch[0] = '\0';
    }

    // an empty line aborts: the scratch buffer is released at once
    if (scratch[0] == '\0') {
        delete[] scratch;
        aborted = true;
    } else {
        saved = scratch;
    }

    // tidy up
    if (aborted) {
        return 1;
    }
    delete[] scratch;
    std::cout << saved << "\n";
    return 0;
}
