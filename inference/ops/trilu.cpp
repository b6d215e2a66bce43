// Trilu(data[, k]; upper): keeps the upper (j - i >= k) or lower (j - i <= k) triangle of the
// last two dimensions and zeroes the rest. No OpenVINO opset has it (OpenVINO's ONNX frontend
// decomposes it); ovkit keeps it as one op named after ONNX's.
#include "movement_helpers.h"

namespace ovkit {
namespace {
void infer_trilu(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    check(in.rank() < 0 || in.rank() >= 2, c.node.describe(), ": input ", in.to_string(), " must have rank >= 2");
    int64_t k;
    if (c.inputs() > 1) infer::scalar_value(c, 1, "k", k);
    c.set_output(0, c.in_types[0], in);
}
}  // namespace
OVKIT_OP("Trilu", infer_trilu, 1, 2);
OVKIT_OP_VERSION("Trilu", "ovkit");
}  // namespace ovkit
