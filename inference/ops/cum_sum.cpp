// CumSum (opset3): inputs data and optional scalar axis (default 0); attributes exclusive,
// reverse. Output = input shape.
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_cum_sum(ShapeContext& c) {
    std::vector<int64_t> axis;
    if (c.inputs() > 1) {
        if (c.in_shapes[1].rank_is_static() && c.in_shapes[1].rank() != 0)
            c.fail_input(1, "axis must be a scalar, got shape " + c.in_shapes[1].to_string());
        if (c.int_values(1, axis) && c.in_shapes[0].rank_is_static())
            normalize_axis(axis[0], c.in_shapes[0].rank(), c.node.name);
    }
    infer::same_as_input(c);
}

}  // namespace

OVKIT_OP("CumSum", infer_cum_sum, 1, 2);
OVKIT_OP_VERSION("CumSum", "opset3");

}  // namespace ovkit
