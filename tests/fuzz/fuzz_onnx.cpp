// Fuzz target: ONNX model bytes -> Core::read_model, then compile_model on the reference device.
// Any exception other than ovkit::Exception escapes and aborts: that is a finding too.
#include "fuzz_common.h"
#include "ovkit/core.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const bool once = (ovkit_fuzz::limit_memory(), true);
    (void)once;
    std::string path = ovkit_fuzz::scratch_file("model.onnx", data, size);
    ovkit::Core core;
    try {
        auto model = core.read_model(path);
        core.compile_model(model, "REFERENCE");
    } catch (const ovkit::Exception&) {
    }
    return 0;
}
