// ONNX Compress -> Gather of the positions where the condition is true (NonZero); without
// an axis the input is flattened first.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> compress(NodeContext& c) {
    Output data = c.input(0);
    if (!c.has_attr("axis")) data = c.make("Reshape", {data, c.const_i64({-1})}, Attributes{{"special_zero", false}});
    Output positions = c.make("NonZero", {c.input(1)}, Attributes{{"output_type", std::string("i64")}});
    positions = c.make("Squeeze", {positions, c.const_i64({0})});
    return {c.make("Gather", {data, positions, c.scalar_i64(c.attr_int("axis", 0))})};
}
}  // namespace
ONNX_OP("Compress", 9, compress);
}  // namespace ovkit::onnx_frontend
