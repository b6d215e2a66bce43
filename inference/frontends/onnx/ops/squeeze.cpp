// ONNX Squeeze / Unsqueeze -> Squeeze / Unsqueeze; axes are an attribute before opset 13
// and an (optional for Squeeze) input from it.
#include <optional>

#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> squeeze_with(NodeContext& c, std::optional<Output> axes) {
    if (!axes) return {c.make("Squeeze", {c.input(0)})};
    return {c.make("Squeeze", {c.input(0), *axes})};
}
std::vector<Output> squeeze_opset_1(NodeContext& c) {
    auto axes = c.attr_ints("axes");
    return squeeze_with(c, axes.empty() ? std::nullopt : std::optional<Output>(c.const_i64(axes)));
}
std::vector<Output> squeeze_opset_13(NodeContext& c) {
    if (!c.has_input(1)) return squeeze_with(c, std::nullopt);
    const Tensor* axes = c.constant_value(c.input(1));
    return squeeze_with(c, axes && axes->size() == 0 ? std::nullopt : std::optional<Output>(c.input(1)));
}

std::vector<Output> unsqueeze_opset_1(NodeContext& c) {
    if (!c.has_attr("axes")) c.fail("attribute 'axes' is required");
    return {c.make("Unsqueeze", {c.input(0), c.const_i64(c.attr_ints("axes"))})};
}
std::vector<Output> unsqueeze_opset_13(NodeContext& c) { return {c.make("Unsqueeze", {c.input(0), c.input(1)})}; }

}  // namespace
ONNX_OP("Squeeze", 1, squeeze_opset_1);
ONNX_OP("Squeeze", 13, squeeze_opset_13);
ONNX_OP("Unsqueeze", 1, unsqueeze_opset_1);
ONNX_OP("Unsqueeze", 13, unsqueeze_opset_13);
}  // namespace ovkit::onnx_frontend
