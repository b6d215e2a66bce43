// Softmax (opset8) and LogSoftmax (opset5) along `axis` (negative counts from the end).
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_softmax(ShapeContext& c) {
    check(is_float(c.in_types[0]), c.node.describe(), ": input must be floating point, got ", type_name(c.in_types[0]));
    if (c.in_shapes[0].rank_is_static()) normalize_axis(c.node.attrs.get_int("axis", 1), c.in_shapes[0].rank(), c.node.name);
    infer::same_as_input(c);
}

}  // namespace

OVKIT_OP("Softmax", infer_softmax, 1, 1);
OVKIT_OP_VERSION("Softmax", "opset8");
OVKIT_OP("LogSoftmax", infer_softmax, 1, 1);
OVKIT_OP_VERSION("LogSoftmax", "opset5");

}  // namespace ovkit
