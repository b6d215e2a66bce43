// ONNX Softmax, LogSoftmax, Hardmax. Opset 13 applies them along `axis` (default -1):
// Softmax / LogSoftmax directly, Hardmax as OneHot of TopK(k=1)'s index. Before opset 13
// the input is seen as 2-D [prod(dims < axis), prod(dims >= axis)] (axis default 1) and the
// op runs along its second dimension, so the translator reshapes around it.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

using AlongAxis = Output (*)(NodeContext&, Output, int64_t);

Output softmax(NodeContext& c, Output x, int64_t axis) {
    return c.make("Softmax", {x}, Attributes{{"axis", axis}});
}
Output log_softmax(NodeContext& c, Output x, int64_t axis) {
    return c.make("LogSoftmax", {x}, Attributes{{"axis", axis}});
}

// 1 at the first maximum along the axis, 0 elsewhere.
Output hardmax(NodeContext& c, Output x, int64_t axis) {
    const Dimension& dim = x.shape()[size_t(axis)];
    if (dim.is_dynamic()) c.fail("the size of axis ", axis, " must be static, got ", dim.to_string());
    Node* topk = c.make_node("TopK", {x, c.scalar_i64(1)},
                             Attributes{{"axis", axis},
                                        {"mode", std::string("max")},
                                        {"sort", std::string("none")},
                                        {"index_element_type", std::string("i64")}},
                             2);
    Output index = c.make("Squeeze", {topk->output(1), c.const_i64({axis})});
    return c.make("OneHot", {index, c.scalar_i64(dim.value()), c.scalar(x.type(), 1), c.scalar(x.type(), 0)},
                  Attributes{{"axis", axis}});
}

template <AlongAxis Fn>
std::vector<Output> opset_13(NodeContext& c) {
    Output x = c.input(0);
    int64_t rank = x.shape().rank();
    if (rank < 0) c.fail("the input rank must be known");
    return {Fn(c, x, normalize_axis(c.attr_int("axis", -1), rank, c.name()))};
}

template <AlongAxis Fn>
std::vector<Output> opset_1(NodeContext& c) {
    Output x = c.input(0);
    const PartialShape& shape = x.shape();
    int64_t rank = shape.rank();
    if (rank < 0) c.fail("the input rank must be known");
    int64_t axis = normalize_axis(c.attr_int("axis", 1), rank, c.name());
    if (axis == rank - 1) return {Fn(c, x, axis)};
    if (!shape.is_static()) c.fail("flattening at axis ", axis, " needs a static input shape, got ", shape.to_string());
    Shape s = shape.to_shape();
    int64_t rows = 1;
    for (int64_t d = 0; d < axis; ++d) rows *= s[size_t(d)];
    Output flat = c.make("Reshape", {x, c.const_i64({rows, shape_size(s) / std::max<int64_t>(rows, 1)})},
                         Attributes{{"special_zero", false}});
    return {c.make("Reshape", {Fn(c, flat, 1), c.const_i64(s)}, Attributes{{"special_zero", false}})};
}

}  // namespace

ONNX_OP("Softmax", 1, opset_1<softmax>);
ONNX_OP("Softmax", 13, opset_13<softmax>);
ONNX_OP("LogSoftmax", 1, opset_1<log_softmax>);
ONNX_OP("LogSoftmax", 13, opset_13<log_softmax>);
ONNX_OP("Hardmax", 1, opset_1<hardmax>);
ONNX_OP("Hardmax", 13, opset_13<hardmax>);

}  // namespace ovkit::onnx_frontend
