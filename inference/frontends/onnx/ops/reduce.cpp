// ONNX Reduce* -> ReduceSum/Mean/Max/Min/Prod/L1/L2 (keep_dims). ReduceLogSum,
// ReduceLogSumExp and ReduceSumSquare decompose onto them. Axes are an attribute before
// opset 13 (ReduceSum) / 18 (the others) and an optional input after; no axes reduce all
// dimensions unless noop_with_empty_axes makes the node an identity. An axes input is empty
// when its value or its static shape says so; one that is empty only at run time reduces
// nothing (the OpenVINO ops' rule).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

struct ReduceArgs {
    Output data;
    Output axes;  // null: the node is an identity (noop_with_empty_axes with no axes)
    bool keep = true;
};

ReduceArgs reduce_args(NodeContext& c, bool axes_as_input) {
    ReduceArgs r{c.input(0), {}, c.attr_int("keepdims", 1) != 0};
    bool noop = c.attr_int("noop_with_empty_axes", 0) != 0;
    if (axes_as_input && c.has_input(1)) {
        r.axes = c.input(1);
        const Tensor* v = c.constant_value(r.axes);
        const PartialShape& shape = r.axes.shape();
        bool empty = v ? v->size() == 0 : shape.is_static() && shape_size(shape.to_shape()) == 0;
        if (!empty) return r;
        r.axes = {};
    } else if (!axes_as_input && c.has_attr("axes")) {
        auto axes = c.attr_ints("axes");
        if (!axes.empty()) {
            r.axes = c.const_i64(axes);
            return r;
        }
    }
    if (noop) return r;
    int64_t rank = r.data.shape().rank();
    if (rank < 0) c.fail("reducing over all axes needs a known input rank");
    std::vector<int64_t> all(size_t(rank), 0);
    for (int64_t d = 0; d < rank; ++d) all[size_t(d)] = d;
    r.axes = c.const_i64(all);
    return r;
}

Output reduce(NodeContext& c, const char* type, Output data, const ReduceArgs& r, bool keep) {
    return c.make(type, {data, r.axes}, Attributes{{"keep_dims", keep}});
}

template <const char* Type>
std::vector<Output> direct(NodeContext& c, bool axes_as_input) {
    ReduceArgs r = reduce_args(c, axes_as_input);
    if (!r.axes) return {r.data};
    return {reduce(c, Type, r.data, r, r.keep)};
}

std::vector<Output> log_sum(NodeContext& c, bool axes_as_input) {
    ReduceArgs r = reduce_args(c, axes_as_input);
    if (!r.axes) return {r.data};
    return {c.make("Log", {reduce(c, "ReduceSum", r.data, r, r.keep)})};
}

// log(sum(exp(x))) computed as max + log(sum(exp(x - max))) so that large inputs do not overflow.
std::vector<Output> log_sum_exp(NodeContext& c, bool axes_as_input) {
    ReduceArgs r = reduce_args(c, axes_as_input);
    if (!r.axes) return {r.data};
    Output max_kept = reduce(c, "ReduceMax", r.data, r, true);
    Output shifted = c.make("Exp", {c.make("Subtract", {r.data, max_kept})});
    Output log_sum = c.make("Log", {reduce(c, "ReduceSum", shifted, r, r.keep)});
    Output max = r.keep ? max_kept : reduce(c, "ReduceMax", r.data, r, false);
    return {c.make("Add", {log_sum, max})};
}

std::vector<Output> sum_square(NodeContext& c, bool axes_as_input) {
    ReduceArgs r = reduce_args(c, axes_as_input);
    if (!r.axes) return {r.data};
    return {reduce(c, "ReduceSum", c.make("Multiply", {r.data, r.data}), r, r.keep)};
}

template <std::vector<Output> (*Fn)(NodeContext&, bool)>
std::vector<Output> axes_attr(NodeContext& c) { return Fn(c, false); }
template <std::vector<Output> (*Fn)(NodeContext&, bool)>
std::vector<Output> axes_input(NodeContext& c) { return Fn(c, true); }

constexpr char kSum[] = "ReduceSum";
constexpr char kMean[] = "ReduceMean";
constexpr char kMax[] = "ReduceMax";
constexpr char kMin[] = "ReduceMin";
constexpr char kProd[] = "ReduceProd";
constexpr char kL1[] = "ReduceL1";
constexpr char kL2[] = "ReduceL2";

}  // namespace

ONNX_OP("ReduceSum", 1, axes_attr<direct<kSum>>);
ONNX_OP("ReduceSum", 13, axes_input<direct<kSum>>);
ONNX_OP("ReduceMean", 1, axes_attr<direct<kMean>>);
ONNX_OP("ReduceMean", 18, axes_input<direct<kMean>>);
ONNX_OP("ReduceMax", 1, axes_attr<direct<kMax>>);
ONNX_OP("ReduceMax", 18, axes_input<direct<kMax>>);
ONNX_OP("ReduceMin", 1, axes_attr<direct<kMin>>);
ONNX_OP("ReduceMin", 18, axes_input<direct<kMin>>);
ONNX_OP("ReduceProd", 1, axes_attr<direct<kProd>>);
ONNX_OP("ReduceProd", 18, axes_input<direct<kProd>>);
ONNX_OP("ReduceL1", 1, axes_attr<direct<kL1>>);
ONNX_OP("ReduceL1", 18, axes_input<direct<kL1>>);
ONNX_OP("ReduceL2", 1, axes_attr<direct<kL2>>);
ONNX_OP("ReduceL2", 18, axes_input<direct<kL2>>);
ONNX_OP("ReduceLogSum", 1, axes_attr<log_sum>);
ONNX_OP("ReduceLogSum", 18, axes_input<log_sum>);
ONNX_OP("ReduceLogSumExp", 1, axes_attr<log_sum_exp>);
ONNX_OP("ReduceLogSumExp", 18, axes_input<log_sum_exp>);
ONNX_OP("ReduceSumSquare", 1, axes_attr<sum_square>);
ONNX_OP("ReduceSumSquare", 18, axes_input<sum_square>);

}  // namespace ovkit::onnx_frontend
