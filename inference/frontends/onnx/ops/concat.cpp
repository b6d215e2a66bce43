// ONNX Concat -> Concat (axis defaults to 1 before opset 4, required after).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> concat(NodeContext& c) {
    if (c.opset() >= 4 && !c.has_attr("axis")) c.fail("attribute 'axis' is required");
    return {c.make("Concat", c.inputs(), Attributes{{"axis", c.attr_int("axis", 1)}})};
}
}  // namespace
ONNX_OP("Concat", 1, concat);
}  // namespace ovkit::onnx_frontend
