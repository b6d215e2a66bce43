// Convert (to `destination_type`) and ConvertLike (to the type of input 1); shape of input 0.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_convert(ShapeContext& c) {
    ElementType to = type_from_name(c.node.attrs.get_string("destination_type"));
    check(to != ElementType::undefined, c.node.describe(), ": destination_type must be a concrete type");
    c.set_output(0, to, c.in_shapes[0]);
}
void infer_convert_like(ShapeContext& c) { c.set_output(0, c.in_types[1], c.in_shapes[0]); }
}  // namespace

OVKIT_OP("Convert", infer_convert, 1, 1);
OVKIT_OP("ConvertLike", infer_convert_like, 2, 2);

}  // namespace ovkit
