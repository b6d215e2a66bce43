// ONNX EyeLike -> Eye with the input's (2-D) dimensions, in dtype or the input's type.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> eye_like(NodeContext& c) {
    Output x = c.input(0);
    if (x.shape().rank() != 2) c.fail("input must be 2-D, got ", x.shape().to_string());
    ElementType t = c.has_attr("dtype") ? element_type_from_onnx(int32_t(c.attr_int("dtype")), "EyeLike dtype")
                                       : x.type();
    Output shape = c.make("ShapeOf", {x}, Attributes{{"output_type", std::string("i64")}});
    Output rows = c.make("Gather", {shape, c.scalar_i64(0), c.scalar_i64(0)});
    Output cols = c.make("Gather", {shape, c.scalar_i64(1), c.scalar_i64(0)});
    return {c.make("Eye", {rows, cols, c.scalar_i64(c.attr_int("k", 0))},
                   Attributes{{"output_type", std::string(type_name(t))}})};
}
}  // namespace
ONNX_OP("EyeLike", 9, eye_like);
}  // namespace ovkit::onnx_frontend
