// NonZero(data; output_type) (opset3): the coordinates of non-zero elements, one row per axis:
// shape [rank, count]. The count depends on the data, so it is known only with the values.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_non_zero(ShapeContext& c) {
    ElementType t = type_from_name(c.node.attrs.get_string("output_type", "i64"));
    check(t == ElementType::i64 || t == ElementType::i32, c.node.describe(), ": output_type must be i64 or i32, got ",
          type_name(t));
    const PartialShape& in = c.in_shapes[0];
    Dimension rows = in.rank_is_static() ? Dimension(in.rank()) : Dimension::dynamic();
    Dimension count = Dimension::dynamic();
    if (const Tensor* v = c.value(0)) {
        int64_t n = 0;
        for (double x : v->as_double()) n += x != 0;
        count = Dimension(n);
    } else if (in.rank_is_static()) {
        int64_t most = 1;
        for (const Dimension& d : in.dims()) most = most < 0 || d.max < 0 ? -1 : most * d.max;
        count = Dimension(0, most);
    }
    c.set_output(0, t, PartialShape({rows, count}));
}
}  // namespace
OVKIT_OP("NonZero", infer_non_zero, 1, 1);
OVKIT_OP_VERSION("NonZero", "opset3");
}  // namespace ovkit
