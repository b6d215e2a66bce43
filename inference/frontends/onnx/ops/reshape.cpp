// ONNX Reshape -> Reshape (special_zero unless allowzero; opset 1 takes the shape as an
// attribute); Flatten -> Reshape to 2-D.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

Output reshape_to(NodeContext& c, Output target) {
    bool allow_zero = c.attr_int("allowzero", 0) != 0;
    return c.make("Reshape", {c.input(0), target}, Attributes{{"special_zero", !allow_zero}});
}

std::vector<Output> reshape_opset_1(NodeContext& c) { return {reshape_to(c, c.const_i64(c.attr_ints("shape")))}; }
std::vector<Output> reshape_opset_5(NodeContext& c) { return {reshape_to(c, c.input(1))}; }

// Reshape to [prod(dims[:axis]), prod(dims[axis:])]: -1 stands for a side with dynamic
// dimensions when the other side is known; when neither is, the products are computed at
// run time from the shape.
std::vector<Output> flatten(NodeContext& c) {
    Output x = c.input(0);
    const PartialShape& s = x.shape();
    if (!s.rank_is_static()) c.fail("input rank must be known");
    int64_t axis = c.attr_int("axis", 1);
    if (axis < 0) axis += s.rank();
    if (axis < 0 || axis > s.rank()) c.fail("axis ", c.attr_int("axis", 1), " is out of range for rank ", s.rank());
    auto product = [&](int64_t from, int64_t to) {
        int64_t p = 1;
        for (int64_t i = from; i < to; ++i) p = p < 0 || s[size_t(i)].is_dynamic() ? -1 : p * s[size_t(i)].value();
        return p;
    };
    int64_t outer = product(0, axis), inner = product(axis, s.rank());
    if (outer >= 0 || inner >= 0) {
        return {c.make("Reshape", {x, c.const_i64({outer, inner})}, Attributes{{"special_zero", false}})};
    }
    Output shape = c.make("ShapeOf", {x}, Attributes{{"output_type", std::string("i64")}});
    auto prod = [&](int64_t from, int64_t to) {
        Output part = c.make("Slice", {shape, c.const_i64({from}), c.const_i64({to}), c.const_i64({1})});
        return c.make("ReduceProd", {part, c.const_i64({0})}, Attributes{{"keep_dims", true}});
    };
    Output pattern = c.make("Concat", {prod(0, axis), prod(axis, s.rank())}, Attributes{{"axis", int64_t(0)}});
    return {c.make("Reshape", {x, pattern}, Attributes{{"special_zero", false}})};
}

}  // namespace
ONNX_OP("Reshape", 1, reshape_opset_1);
ONNX_OP("Reshape", 5, reshape_opset_5);
ONNX_OP("Flatten", 1, flatten);
}  // namespace ovkit::onnx_frontend
