#include "ovkit/memory.h"

#include <unistd.h>

#include <cstdlib>
#include <mutex>

#include "ovkit/exception.h"

namespace ovkit {

namespace {

uint64_t initial_default_limit() {
    if (const char* env = std::getenv("OVKIT_MAX_MODEL_MEMORY")) {
        char* end = nullptr;
        unsigned long long v = std::strtoull(env, &end, 10);
        if (end != env && *end == '\0' && v > 0) return v;
    }
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || page <= 0) return uint64_t(1) << 34;  // 16 GiB when the system does not say
    return uint64_t(pages) / 4 * 3 * uint64_t(page);
}

std::mutex default_mutex;
std::shared_ptr<MemoryBudget>& default_budget() {
    static std::shared_ptr<MemoryBudget> b = std::make_shared<MemoryBudget>(initial_default_limit());
    return b;
}

thread_local std::shared_ptr<MemoryBudget> scoped_budget;

}  // namespace

bool MemoryBudget::try_acquire(uint64_t bytes) {
    uint64_t used = used_.load();
    do {
        if (bytes > limit_ || used > limit_ - bytes) return false;
    } while (!used_.compare_exchange_weak(used, used + bytes));
    return true;
}

void MemoryBudget::fail_exceeded(uint64_t bytes, const std::string& what) const {
    fail("Allocating ", bytes, " bytes for ", what, " would exceed MAX_MODEL_MEMORY (", limit_, " bytes, ", used(),
         " in use)");
}

void MemoryBudget::check_fits(uint64_t count, uint64_t each, const std::string& what) const {
    uint64_t used = used_.load(), left = used > limit_ ? 0 : limit_ - used;
    if (each != 0 && count > left / each)
        fail(what, " would need ", count, " x ", each, " bytes, more than MAX_MODEL_MEMORY allows (", limit_,
             " bytes, ", used, " in use)");
}

uint64_t default_memory_limit() {
    std::lock_guard<std::mutex> lock(default_mutex);
    return default_budget()->limit();
}

void set_default_memory_limit(uint64_t bytes) {
    std::lock_guard<std::mutex> lock(default_mutex);
    default_budget() = std::make_shared<MemoryBudget>(bytes);
}

std::shared_ptr<MemoryBudget> current_memory_budget() {
    if (scoped_budget) return scoped_budget;
    std::lock_guard<std::mutex> lock(default_mutex);
    return default_budget();
}

MemoryScope::MemoryScope(std::shared_ptr<MemoryBudget> budget) : previous_(std::move(scoped_budget)) {
    scoped_budget = std::move(budget);
}

MemoryScope::~MemoryScope() { scoped_budget = std::move(previous_); }

}  // namespace ovkit
