// Reads a batch header (record count, record size) from stdin and
// allocates the batch. Each value is checked against its own limit, but
// 65536 records of 65536 bytes are 2^32 bytes, which wraps the 32-bit
// product to 0.
#include <cstdint>
#include <iostream>
#include <memory>
#include <new>

constexpr std::uint32_t kMaxRecords = 65536;
constexpr std::uint32_t kMaxRecordSize = 65536;

static std::unique_ptr<std::uint8_t[]> make_batch(std::uint32_t count, std::uint32_t rec_size);

int main()
{
    std::uint32_t count = 0, rec_size = 0;
    if (!(std::cin >> count >> rec_size)) {
        return 2;
    }
    auto batch = make_batch(count, rec_size);
    if (!batch) {
        std::cerr << "batch rejected\n";
        return 1;
    }
    batch[0] = 1;
    std::cout << "allocated\n";
    return 0;
}

static std::unique_ptr<std::uint8_t[]> make_batch(std::uint32_t count, std::uint32_t rec_size)
{
    if (count == 0 || count > kMaxRecords || rec_size == 0 || rec_size > kMaxRecordSize) {
        return nullptr;
    }
    std::uint32_t bytes = count * rec_size; // want CWE-190
    return std::unique_ptr<std::uint8_t[]>(new (std::nothrow) std::uint8_t[bytes]);
}
