// Reads a batch header (record count, record size) from stdin and
// allocates the batch. Each value is checked against its own limit, and
// the limits are small enough that their product fits in 32 bits.
#include <cstdint>
#include <iostream>
#include <memory>
#include <new>

constexpr std::uint32_t kMaxRecords = 4096;
constexpr std::uint32_t kMaxRecordSize = 4096;

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
    std::uint32_t bytes = count * rec_size;
    return std::unique_ptr<std::uint8_t[]>(new (std::nothrow) std::uint8_t[bytes]);
}
