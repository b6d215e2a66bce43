// Det: determinant of square matrices [..., M, M] -> [...]. OpenVINO has no such op; ovkit
// keeps ONNX's name and semantics.
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_det(ShapeContext& c) {
    check(is_float(c.in_types[0]), c.node.describe(), ": input must be floating point, got ", type_name(c.in_types[0]));
    const PartialShape& x = c.in_shapes[0];
    if (!x.rank_is_static()) {
        c.set_output(0, c.in_types[0], PartialShape());
        return;
    }
    size_t r = x.size();
    if (r < 2 || (x[r - 1].is_static() && x[r - 2].is_static() && x[r - 1] != x[r - 2]))
        c.fail_input(0, "expected square matrices [..., M, M], got " + x.to_string());
    c.set_output(0, c.in_types[0], PartialShape(std::vector<Dimension>(x.dims().begin(), x.dims().end() - 2)));
}

}  // namespace

OVKIT_OP("Det", infer_det, 1, 1);
OVKIT_OP_VERSION("Det", "ovkit");

}  // namespace ovkit
