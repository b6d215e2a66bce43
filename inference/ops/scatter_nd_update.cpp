// ScatterNDUpdate(data, indices, updates; reduction) (opset15): out = data, then the slice
// of out at each index tuple (last indices dimension) (op)= the matching slice of updates.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_scatter_nd_update(ShapeContext& c) {
    check(c.in_types[2] == c.in_types[0], c.node.describe(), ": updates type ", type_name(c.in_types[2]),
          " differs from data type ", type_name(c.in_types[0]));
    c.set_output(0, c.in_types[0], c.in_shapes[0]);
}
}  // namespace
OVKIT_OP("ScatterNDUpdate", infer_scatter_nd_update, 3, 3);
OVKIT_OP_VERSION("ScatterNDUpdate", "opset15");
}  // namespace ovkit
