// ONNX HannWindow, HammingWindow, BlackmanWindow (opset 17) -> ovkit's ops of the same names.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> window(NodeContext& c) {
    const ElementType type = element_type_from_onnx(int32_t(c.attr_int("output_datatype", 1)), c.name());
    return {c.make(c.op_type(), {c.input(0)},
                   Attributes{{"periodic", c.attr_int("periodic", 1) != 0}, {"output_type", std::string(type_name(type))}})};
}

}  // namespace

ONNX_OP("HannWindow", 17, window);
ONNX_OP("HammingWindow", 17, window);
ONNX_OP("BlackmanWindow", 17, window);

}  // namespace ovkit::onnx_frontend
