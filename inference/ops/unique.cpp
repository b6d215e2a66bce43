// Unique(data[, axis]; sorted, index_element_type, count_element_type) (opset10).
// Outputs: the unique elements (or slices along axis), the index of each one's first
// occurrence, for each input element (slice) the index of its unique value, and the counts.
// Sizes depend on the data.
#include "movement_helpers.h"

namespace ovkit {
namespace {
void infer_unique(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    ElementType index_t = type_from_name(c.node.attrs.get_string("index_element_type", "i64"));
    ElementType count_t = type_from_name(c.node.attrs.get_string("count_element_type", "i64"));
    PartialShape values = PartialShape::dynamic(1);
    Dimension total = Dimension::dynamic();
    if (c.inputs() > 1) {
        int64_t axis;
        if (in.rank_is_static() && infer::scalar_value(c, 1, "axis", axis)) {
            axis = normalize_axis(axis, in.rank(), c.node.name);
            values = in;
            total = in[size_t(axis)];
            values[size_t(axis)] = Dimension(total.is_static() && total.value() == 0 ? 0 : 1, total.max);
        } else {
            values = PartialShape::dynamic(in.rank());
        }
    } else if (in.rank_is_static()) {
        int64_t n = infer::known_product(in.dims());
        if (n >= 0) total = Dimension(n);
        values = PartialShape({Dimension(n == 0 ? 0 : 1, n)});
    }
    Dimension unique_count = values.rank_is_static() && c.inputs() == 1 ? values[0] : Dimension(0, total.max);
    c.set_output(0, c.in_types[0], values);
    c.set_output(1, index_t, PartialShape({unique_count}));
    c.set_output(2, index_t, PartialShape({total}));
    c.set_output(3, count_t, PartialShape({unique_count}));
}
}  // namespace
OVKIT_OP("Unique", infer_unique, 1, 2);
OVKIT_OP_VERSION("Unique", "opset10");
}  // namespace ovkit
