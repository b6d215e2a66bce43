// OneHot(indices, depth, on_value, off_value; axis, negative_indices_mode) (opset16): a new
// axis of size depth holding on_value at each index and off_value elsewhere. Negative indices
// are either ignored (all off) or counted from the end (negative_indices_mode "normalize").
#include "movement_helpers.h"

namespace ovkit {
namespace {
void infer_one_hot(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    check(c.in_types[2] == c.in_types[3], c.node.describe(), ": on_value (", type_name(c.in_types[2]),
          ") and off_value (", type_name(c.in_types[3]), ") types differ");
    std::string mode = c.node.attrs.get_string("negative_indices_mode", "ignore_negative");
    check(mode == "ignore_negative" || mode == "normalize", c.node.describe(), ": unknown negative_indices_mode '",
          mode, "'");
    ElementType t = c.in_types[2];
    if (!in.rank_is_static()) return c.set_output(0, t, PartialShape::dynamic());
    int64_t axis = normalize_axis(c.node.attrs.get_int("axis", -1), in.rank() + 1, c.node.name);
    int64_t depth;
    Dimension d = Dimension::dynamic();
    if (infer::scalar_value(c, 1, "depth", depth)) {
        check(depth >= 0, c.node.describe(), ": depth (", depth, ") is negative");
        d = Dimension(depth);
    }
    std::vector<Dimension> out = in.dims();
    out.insert(out.begin() + axis, d);
    c.set_output(0, t, PartialShape(out));
}
}  // namespace
OVKIT_OP("OneHot", infer_one_hot, 4, 4);
}  // namespace ovkit
