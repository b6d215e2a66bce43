// Fuzz target: .npy bytes -> ovkit::read_npy.
#include "fuzz_common.h"
#include "ovkit/exception.h"
#include "ovkit/npy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const bool once = (ovkit_fuzz::limit_memory(), true);
    (void)once;
    std::string path = ovkit_fuzz::scratch_file("tensor.npy", data, size);
    try {
        ovkit::read_npy(path);
    } catch (const ovkit::Exception&) {
    }
    return 0;
}
