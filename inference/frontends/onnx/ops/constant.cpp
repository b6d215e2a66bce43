// ONNX Constant -> Constant (value, value_float(s), value_int(s)); ConstantOfShape ->
// Broadcast of its one-element value (f32 0 by default) to the given shape.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> constant(NodeContext& c) {
    if (c.has_attr("value")) return {c.constant(c.attr_tensor("value"))};
    if (c.has_attr("value_float")) return {c.scalar(ElementType::f32, c.attr_float("value_float", 0))};
    if (c.has_attr("value_int")) return {c.scalar_i64(c.attr_int("value_int"))};
    if (c.has_attr("value_floats")) {
        auto v = c.attr_floats("value_floats");
        return {c.constant(Tensor::from_vector(v, {int64_t(v.size())}))};
    }
    if (c.has_attr("value_ints")) return {c.const_i64(c.attr_ints("value_ints"))};
    c.fail("only the value, value_float(s) and value_int(s) attributes are supported");
}

std::vector<Output> constant_of_shape(NodeContext& c) {
    Tensor value = c.has_attr("value") ? c.attr_tensor("value") : Tensor(ElementType::f32, {1});
    if (value.size() != 1) c.fail("value must hold one element, got ", value.size());
    return {c.make("Broadcast", {c.constant(value.reshaped({})), c.input(0)})};
}

}  // namespace
ONNX_OP("Constant", 1, constant);
ONNX_OP("ConstantOfShape", 9, constant_of_shape);
}  // namespace ovkit::onnx_frontend
