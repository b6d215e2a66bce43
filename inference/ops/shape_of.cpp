// ShapeOf: the input's shape as a 1-D i64 (or i32) tensor.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_shape_of(ShapeContext& c) {
    ElementType t = type_from_name(c.node.attrs.get_string("output_type", "i64"));
    check(t == ElementType::i64 || t == ElementType::i32, c.node.describe(), ": output_type must be i64 or i32, got ",
          type_name(t));
    const PartialShape& s = c.in_shapes[0];
    c.set_output(0, t, s.rank_is_static() ? PartialShape(Shape{s.rank()}) : PartialShape::dynamic(1));
}
}  // namespace
OVKIT_OP("ShapeOf", infer_shape_of, 1, 1);
OVKIT_OP_VERSION("ShapeOf", "opset3");
}  // namespace ovkit
