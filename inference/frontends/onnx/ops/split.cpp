// ONNX Split -> Split (equal parts, one per output) or VariadicSplit (given lengths). The
// lengths are the `split` attribute before opset 13 (opset 1 also takes an input) and an
// optional input from 13 on.
#include <optional>

#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> split_into(NodeContext& c, std::optional<Output> lengths) {
    size_t parts = c.output_count();
    Output axis = c.scalar_i64(c.attr_int("axis", 0));
    Node* n = lengths ? c.make_node("VariadicSplit", {c.input(0), axis, *lengths}, {}, parts)
                      : c.make_node("Split", {c.input(0), axis}, Attributes{{"num_splits", int64_t(parts)}}, parts);
    std::vector<Output> out;
    for (size_t i = 0; i < parts; ++i) out.push_back(n->output(i));
    return out;
}

std::vector<Output> split_opset_1(NodeContext& c) {
    if (c.has_input(1)) return split_into(c, c.input(1));
    if (c.has_attr("split")) return split_into(c, c.const_i64(c.attr_ints("split")));
    return split_into(c, std::nullopt);
}
std::vector<Output> split_opset_2(NodeContext& c) {
    if (c.has_attr("split")) return split_into(c, c.const_i64(c.attr_ints("split")));
    return split_into(c, std::nullopt);
}
std::vector<Output> split_opset_13(NodeContext& c) {
    return split_into(c, c.has_input(1) ? std::optional<Output>(c.input(1)) : std::nullopt);
}

}  // namespace
ONNX_OP("Split", 1, split_opset_1);
ONNX_OP("Split", 2, split_opset_2);
ONNX_OP("Split", 13, split_opset_13);
}  // namespace ovkit::onnx_frontend
