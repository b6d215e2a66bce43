// Gather(data, indices, axis; batch_dims) (OpenVINO opset8): picks slices of data along axis;
// negative indices count from the end. Output: data[:axis] + indices[batch_dims:] + data[axis+1:].
#include "movement_helpers.h"

namespace ovkit {
namespace {
void infer_gather(ShapeContext& c) {
    const PartialShape& data = c.in_shapes[0];
    const PartialShape& idx = c.in_shapes[1];
    check(is_integral(c.in_types[1]) && c.in_types[1] != ElementType::boolean, c.node.describe(),
          ": indices must be integers, got ", type_name(c.in_types[1]));
    int64_t axis;
    if (!data.rank_is_static() || !idx.rank_is_static() || !infer::scalar_value(c, 2, "axis", axis))
        return c.set_output(0, c.in_types[0], PartialShape::dynamic());
    axis = normalize_axis(axis, data.rank(), c.node.name);
    int64_t batch_dims = c.node.attrs.get_int("batch_dims", 0);
    if (batch_dims < 0) batch_dims += idx.rank();
    check(batch_dims >= 0 && batch_dims <= axis && batch_dims <= idx.rank(), c.node.describe(), ": batch_dims (",
          c.node.attrs.get_int("batch_dims", 0), ") must be within [0, min(axis ", axis, ", indices rank ",
          idx.rank(), ")]");
    std::vector<Dimension> out(data.dims().begin(), data.dims().begin() + axis);
    out.insert(out.end(), idx.dims().begin() + batch_dims, idx.dims().end());
    out.insert(out.end(), data.dims().begin() + axis + 1, data.dims().end());
    c.set_output(0, c.in_types[0], PartialShape(out));
}
}  // namespace
OVKIT_OP("Gather", infer_gather, 3, 3);
OVKIT_OP_VERSION("Gather", "opset8");
}  // namespace ovkit
