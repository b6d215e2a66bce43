// ONNX pooling:
//   MaxPool -> MaxPool (opset8 form with indices when the Indices output is used;
//              storage_order 1 turns the row-major indices column-major)
//   AveragePool -> AvgPool (exclude-pad = !count_include_pad)
//   GlobalAveragePool / GlobalMaxPool -> ReduceMean / ReduceMax over the spatial axes
//   LpPool -> (sum over the window of |x|^p)^(1/p), the sum as AvgPool(include pad) * window size
#include "window_attributes.h"

namespace ovkit::onnx_frontend {
namespace {

// kernel, strides, pads, auto_pad and rounding of an ONNX pooling node.
Attributes pool_attributes(NodeContext& c, bool dilations) {
    if (!c.has_attr("kernel_shape")) c.fail("attribute 'kernel_shape' is required");
    int64_t spatial = spatial_rank(c, c.input(0));
    Attributes a = window_attributes(c, spatial, dilations);
    a.set("kernel", c.attr_ints("kernel_shape"));
    a.set("rounding_type", std::string(c.attr_int("ceil_mode", 0) ? "ceil" : "floor"));
    return a;
}

// Flat row-major indices over [N, C, spatial] turned column-major within each spatial plane.
Output column_major(NodeContext& c, Output indices, const PartialShape& data) {
    if (!data.is_static()) c.fail("storage_order 1 needs an input of known shape, got ", data.to_string());
    Shape s = data.to_shape();
    Shape spatial(s.begin() + 2, s.end());
    int64_t plane = shape_size(spatial);
    auto i64 = [&](int64_t v) { return c.scalar(ElementType::i64, double(v)); };
    Output base = c.make("Multiply", {c.make("Divide", {indices, i64(plane)}), i64(plane)});
    Output rest = c.make("Subtract", {indices, base});
    Output result = base;
    int64_t row_stride = plane, col_stride = 1;
    for (int64_t d : spatial) {
        row_stride /= d;
        Output coord = c.make("Divide", {rest, i64(row_stride)});
        rest = c.make("Subtract", {rest, c.make("Multiply", {coord, i64(row_stride)})});
        result = c.make("Add", {result, c.make("Multiply", {coord, i64(col_stride)})});
        col_stride *= d;
    }
    return result;
}

std::vector<Output> max_pool(NodeContext& c) {
    Attributes a = pool_attributes(c, true);
    bool indices = c.has_output(1);
    if (!indices) return {c.make("MaxPool", {c.input(0)}, a)};
    a.set("index_element_type", std::string("i64"));
    a.set("axis", int64_t(0));
    Node* n = c.make_node("MaxPool", {c.input(0)}, a, 2);
    Output idx = n->output(1);
    if (c.attr_int("storage_order", 0) == 1) idx = column_major(c, idx, c.input(0).shape());
    return {n->output(0), idx};
}

std::vector<Output> average_pool(NodeContext& c) {
    Attributes a = pool_attributes(c, false);
    if (c.has_attr("dilations"))
        for (int64_t d : c.attr_ints("dilations"))
            if (d != 1) c.fail("dilations other than 1 are not supported, got ", d);
    a.set("exclude-pad", c.attr_int("count_include_pad", 0) == 0);
    return {c.make("AvgPool", {c.input(0)}, a)};
}

std::vector<Output> lp_pool(NodeContext& c) {
    Attributes a = pool_attributes(c, false);
    a.set("exclude-pad", false);
    Output x = c.input(0);
    double p = double(c.attr_int("p", 2));
    int64_t window = 1;
    for (int64_t k : c.attr_ints("kernel_shape")) window *= k;
    Output powered = c.make("Power", {c.make("Abs", {x}), c.scalar(x.type(), p)});
    Output sum = c.make("Multiply", {c.make("AvgPool", {powered}, a), c.scalar(x.type(), double(window))});
    return {c.make("Power", {sum, c.scalar(x.type(), 1.0 / p)})};
}

template <const char* Reduce>
std::vector<Output> global_pool(NodeContext& c) {
    Output x = c.input(0);
    if (!x.shape().rank_is_static()) c.fail("input has dynamic rank");
    std::vector<int64_t> axes;
    for (int64_t i = 2; i < x.shape().rank(); ++i) axes.push_back(i);
    return {c.make(Reduce, {x, c.const_i64(axes)}, {{"keep_dims", true}})};
}
constexpr char kReduceMean[] = "ReduceMean";
constexpr char kReduceMax[] = "ReduceMax";

}  // namespace

ONNX_OP("MaxPool", 1, max_pool);
ONNX_OP("AveragePool", 1, average_pool);
ONNX_OP("LpPool", 1, lp_pool);
ONNX_OP("GlobalAveragePool", 1, global_pool<kReduceMean>);
ONNX_OP("GlobalMaxPool", 1, global_pool<kReduceMax>);

}  // namespace ovkit::onnx_frontend
