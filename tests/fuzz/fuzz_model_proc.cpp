// Fuzz target: model-proc JSON bytes -> ovkit::gst::read_model_proc, and the same bytes as a
// `pre-process-config` property string -> apply_pre_process_config.
#include <stdexcept>

#include "common/model_proc.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string path = ovkit_fuzz::scratch_file("model_proc.json", data, size);
    try {
        ovkit::gst::read_model_proc(path);
    } catch (const std::runtime_error&) {
    }
    ovkit::gst::PreProc pre;
    try {
        ovkit::gst::apply_pre_process_config(std::string(reinterpret_cast<const char*>(data), size), pre);
    } catch (const std::runtime_error&) {
    }
    return 0;
}
