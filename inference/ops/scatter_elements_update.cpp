// ScatterElementsUpdate(data, indices, updates, axis; reduction, use_init_val) (opset12):
// out = data, then out[i.. with i[axis] = indices[i..]] (op)= updates[i..].
#include "movement_helpers.h"

namespace ovkit {
namespace {
void infer_scatter_elements_update(ShapeContext& c) {
    const PartialShape& data = c.in_shapes[0];
    check(c.in_types[2] == c.in_types[0], c.node.describe(), ": updates type ", type_name(c.in_types[2]),
          " differs from data type ", type_name(c.in_types[0]));
    int64_t axis;
    if (data.rank_is_static() && infer::scalar_value(c, 3, "axis", axis))
        normalize_axis(axis, data.rank(), c.node.name);
    c.set_output(0, c.in_types[0], data);
}
}  // namespace
OVKIT_OP("ScatterElementsUpdate", infer_scatter_elements_update, 4, 4);
OVKIT_OP_VERSION("ScatterElementsUpdate", "opset12");
}  // namespace ovkit
