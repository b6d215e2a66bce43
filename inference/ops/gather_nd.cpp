// GatherND(data, indices; batch_dims) (OpenVINO opset8): the last indices dimension (k) indexes
// the leading data dimensions after the batch ones.
// Output: indices[:-1] + data[batch_dims + k:].
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_gather_nd(ShapeContext& c) {
    const PartialShape& data = c.in_shapes[0];
    const PartialShape& idx = c.in_shapes[1];
    int64_t batch_dims = c.node.attrs.get_int("batch_dims", 0);
    check(idx.rank() != 0, c.node.describe(), ": indices must have rank >= 1");
    if (!data.rank_is_static() || !idx.rank_is_static() || idx[idx.size() - 1].is_dynamic())
        return c.set_output(0, c.in_types[0], PartialShape::dynamic());
    int64_t k = idx[idx.size() - 1].value();
    check(batch_dims >= 0 && batch_dims < idx.rank() && batch_dims + k <= data.rank(), c.node.describe(),
          ": batch_dims (", batch_dims, ") and index length (", k, ") do not fit data ", data.to_string(),
          " and indices ", idx.to_string());
    std::vector<Dimension> out(idx.dims().begin(), idx.dims().end() - 1);
    out.insert(out.end(), data.dims().begin() + batch_dims + k, data.dims().end());
    c.set_output(0, c.in_types[0], PartialShape(out));
}
}  // namespace
OVKIT_OP("GatherND", infer_gather_nd, 2, 2);
OVKIT_OP_VERSION("GatherND", "opset8");
}  // namespace ovkit
