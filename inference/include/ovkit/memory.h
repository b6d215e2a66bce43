#pragma once
// MAX_MODEL_MEMORY: a byte budget for the tensors that reading, compiling and running a model
// allocate. Every Tensor allocation is charged to the budget current on its thread and released
// when the buffer is freed; an allocation that would exceed the limit throws ovkit::Exception
// before any memory is taken.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace ovkit {

class MemoryBudget {
public:
    explicit MemoryBudget(uint64_t limit) : limit_(limit) {}
    uint64_t limit() const { return limit_; }
    uint64_t used() const { return used_.load(); }
    // Reserves `bytes`; false when they do not fit.
    bool try_acquire(uint64_t bytes);
    // Throws naming `what`, the bytes asked for, the limit and the bytes in use.
    [[noreturn]] void fail_exceeded(uint64_t bytes, const std::string& what) const;
    void release(uint64_t bytes) { used_ -= bytes; }
    // Throws when `count` * `each` more bytes would not fit; reserves nothing.
    void check_fits(uint64_t count, uint64_t each, const std::string& what) const;

private:
    uint64_t limit_;
    std::atomic<uint64_t> used_{0};
};

// The budget outside any MemoryScope (what read_model allocates under): OVKIT_MAX_MODEL_MEMORY
// from the environment when set, else 3/4 of physical memory. Also the default MAX_MODEL_MEMORY.
uint64_t default_memory_limit();
void set_default_memory_limit(uint64_t bytes);  // for embedders and fuzzers; affects later allocations

// The budget that tensors allocated on this thread are charged to.
std::shared_ptr<MemoryBudget> current_memory_budget();

// Makes `budget` current on this thread for the scope's lifetime.
class MemoryScope {
public:
    explicit MemoryScope(std::shared_ptr<MemoryBudget> budget);
    ~MemoryScope();
    MemoryScope(const MemoryScope&) = delete;
    MemoryScope& operator=(const MemoryScope&) = delete;

private:
    std::shared_ptr<MemoryBudget> previous_;
};

}  // namespace ovkit
