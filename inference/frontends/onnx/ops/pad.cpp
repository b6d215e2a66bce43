// ONNX Pad -> Pad. ONNX lists pads as [x1_begin, x2_begin, ..., x1_end, x2_end, ...]:
// an attribute in opset 2, an input from opset 11 (with optional constant_value, and from
// opset 18 optional axes naming which axes the pads are for).
#include <optional>

#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::string pad_mode(NodeContext& c) {
    std::string mode = c.attr_string("mode", "constant");
    if (mode != "constant" && mode != "reflect" && mode != "edge") c.fail("unsupported mode '", mode, "'");
    return mode;
}

Output make_pad(NodeContext& c, Output begin, Output end, std::optional<Output> value) {
    std::vector<Output> in{c.input(0), begin, end};
    if (value) in.push_back(*value);
    return c.make("Pad", in, Attributes{{"pad_mode", pad_mode(c)}});
}

// Splits known pads into begin/end constants, for the listed axes (all axes when empty).
Output pad_with_values(NodeContext& c, const std::vector<int64_t>& pads, std::vector<int64_t> axes,
                       std::optional<Output> value) {
    if (pads.size() % 2) c.fail("pads ", to_string(pads), " must have an even number of values");
    size_t n = pads.size() / 2;
    int64_t rank = c.input(0).shape().rank();
    if (axes.empty()) {
        for (size_t i = 0; i < n; ++i) axes.push_back(int64_t(i));
        rank = int64_t(n);
    }
    if (rank < 0) c.fail("input rank must be known when axes are given");
    if (axes.size() != n) c.fail("pads ", to_string(pads), " do not match axes ", to_string(axes));
    std::vector<int64_t> begin(size_t(rank), 0), end(size_t(rank), 0);
    for (size_t i = 0; i < n; ++i) {
        size_t a = size_t(normalize_axis(axes[i], rank, c.name()));
        begin[a] = pads[i];
        end[a] = pads[n + i];
    }
    return make_pad(c, c.const_i64(begin), c.const_i64(end), value);
}

std::vector<Output> pad_opset_2(NodeContext& c) {
    Output value = c.scalar(c.input(0).type(), c.attr_float("value", 0.0f));
    return {pad_with_values(c, c.attr_ints("pads"), {}, value)};
}

std::vector<Output> pad_opset_11(NodeContext& c) {
    std::optional<Output> value;
    if (c.has_input(2)) value = c.input(2);
    std::vector<int64_t> axes;
    if (c.has_input(3)) axes = c.required_ints(c.input(3), "axes");
    if (const Tensor* pads = c.constant_value(c.input(1))) return {pad_with_values(c, pads->as_int64(), axes, value)};
    if (!axes.empty()) c.fail("pads must be a constant when axes are given");
    Node* halves = c.make_node("Split", {c.input(1), c.scalar_i64(0)}, Attributes{{"num_splits", int64_t(2)}}, 2);
    return {make_pad(c, halves->output(0), halves->output(1), value)};
}

}  // namespace
ONNX_OP("Pad", 2, pad_opset_2);
ONNX_OP("Pad", 11, pad_opset_11);
}  // namespace ovkit::onnx_frontend
