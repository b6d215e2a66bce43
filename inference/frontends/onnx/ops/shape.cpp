// ONNX Shape -> ShapeOf (opset 15 start/end -> Slice of it); Size -> element count.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> shape(NodeContext& c) {
    Output s = c.make("ShapeOf", {c.input(0)}, Attributes{{"output_type", std::string("i64")}});
    if (!c.has_attr("start") && !c.has_attr("end")) return {s};
    int64_t start = c.attr_int("start", 0), end = c.attr_int("end", std::numeric_limits<int64_t>::max());
    return {c.make("Slice", {s, c.const_i64({start}), c.const_i64({end}), c.const_i64({1})})};
}

std::vector<Output> size(NodeContext& c) {
    Output x = c.input(0);
    if (x.shape().is_static()) return {c.scalar_i64(shape_size(x.shape().to_shape()))};
    Output s = c.make("ShapeOf", {x}, Attributes{{"output_type", std::string("i64")}});
    return {c.make("ReduceProd", {s, c.const_i64({0})}, Attributes{{"keep_dims", false}})};
}

}  // namespace
ONNX_OP("Shape", 1, shape);
ONNX_OP("Size", 1, size);
}  // namespace ovkit::onnx_frontend
