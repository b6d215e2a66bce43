// Fuzz target: an IR .xml + .bin pair -> Core::read_model, then compile_model on the reference
// device. Input layout: 4-byte little-endian length of the .xml, the .xml, then the .bin.
#include "fuzz_common.h"
#include "ovkit/core.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const bool once = (ovkit_fuzz::limit_memory(), true);
    (void)once;
    if (size < 4) return 0;
    size_t xml_size = size_t(data[0]) | size_t(data[1]) << 8 | size_t(data[2]) << 16 | size_t(data[3]) << 24;
    if (xml_size > size - 4) xml_size = size - 4;
    std::string xml = ovkit_fuzz::scratch_file("model.xml", data + 4, xml_size);
    std::string bin = ovkit_fuzz::scratch_file("model.bin", data + 4 + xml_size, size - 4 - xml_size);
    ovkit::Core core;
    try {
        auto model = core.read_model(xml, bin);
        core.compile_model(model, "REFERENCE");
    } catch (const ovkit::Exception&) {
    }
    return 0;
}
