// GatherElements(data, indices; axis): out[i..] = data[i.. with i[axis] = indices[i..]].
// The output has the indices' shape; data and indices have the same rank.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_gather_elements(ShapeContext& c) {
    const PartialShape& data = c.in_shapes[0];
    const PartialShape& idx = c.in_shapes[1];
    if (data.rank_is_static() && idx.rank_is_static()) {
        check(data.rank() == idx.rank(), c.node.describe(), ": data ", data.to_string(), " and indices ",
              idx.to_string(), " differ in rank");
        normalize_axis(c.node.attrs.get_int("axis"), data.rank(), c.node.name);
    }
    c.set_output(0, c.in_types[0], idx);
}
}  // namespace
OVKIT_OP("GatherElements", infer_gather_elements, 2, 2);
OVKIT_OP_VERSION("GatherElements", "opset6");
}  // namespace ovkit
