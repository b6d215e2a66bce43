// ONNX Slice -> Slice (opset8 semantics are ONNX's). Opset 1 gives starts/ends/axes as
// attributes; opset 10 as inputs, with optional axes and steps (default 1).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> slice_opset_1(NodeContext& c) {
    auto starts = c.attr_ints("starts");
    std::vector<Output> in{c.input(0), c.const_i64(starts), c.const_i64(c.attr_ints("ends")),
                           c.const_i64(std::vector<int64_t>(starts.size(), 1))};
    if (c.has_attr("axes")) in.push_back(c.const_i64(c.attr_ints("axes")));
    return {c.make("Slice", in)};
}

std::vector<Output> slice_opset_10(NodeContext& c) {
    Output starts = c.input(1);
    Output steps;
    if (c.has_input(4)) {
        steps = c.input(4);
    } else if (starts.shape().is_static()) {
        Shape s = starts.shape().to_shape();
        steps = c.constant(Tensor::from_int64(starts.type(), std::vector<int64_t>(size_t(shape_size(s)), 1), s));
    } else {
        Output shape = c.make("ShapeOf", {starts}, Attributes{{"output_type", std::string("i64")}});
        steps = c.make("Broadcast", {c.scalar(starts.type(), 1), shape});
    }
    std::vector<Output> in{c.input(0), starts, c.input(2), steps};
    if (c.has_input(3)) in.push_back(c.input(3));
    return {c.make("Slice", in)};
}

}  // namespace
ONNX_OP("Slice", 1, slice_opset_1);
ONNX_OP("Slice", 10, slice_opset_10);
}  // namespace ovkit::onnx_frontend
