// ONNX Clip -> Clamp when the bounds are known while reading the model (opset < 11: always,
// they are attributes), else Maximum/Minimum with the bound inputs.
#include <limits>

#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Output clamp(NodeContext& c, Output x, double lo, double hi) {
    return c.make("Clamp", {x}, Attributes{{"min", lo}, {"max", hi}});
}

std::vector<Output> clip_opset_1(NodeContext& c) {
    return {clamp(c, c.input(0), c.attr_float("min", -kInf), c.attr_float("max", kInf))};
}

// Bound input i as a number: absent gives `fallback`; false when it is computed at run time.
bool constant_bound(NodeContext& c, size_t i, double fallback, double& out) {
    out = fallback;
    if (!c.has_input(i)) return true;
    const Tensor* v = c.constant_value(c.input(i));
    if (!v) return false;
    if (v->size() != 1) c.fail("bound input ", i, " must be a scalar, got shape ", to_string(v->shape()));
    out = v->as_double()[0];
    return true;
}

std::vector<Output> clip_opset_11(NodeContext& c) {
    Output x = c.input(0);
    double lo, hi;
    // min > max clips everything to max, which Clamp does not express.
    if (constant_bound(c, 1, -kInf, lo) && constant_bound(c, 2, kInf, hi) && !(lo > hi))
        return {clamp(c, x, lo, hi)};
    Output y = x;
    if (c.has_input(1)) y = c.make("Maximum", {y, c.input(1)});
    if (c.has_input(2)) y = c.make("Minimum", {y, c.input(2)});
    return {y};
}

}  // namespace

ONNX_OP("Clip", 1, clip_opset_1);
ONNX_OP("Clip", 11, clip_opset_11);

}  // namespace ovkit::onnx_frontend
