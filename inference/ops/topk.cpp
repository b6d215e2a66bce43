// TopK (opset11): inputs data and scalar k; attributes axis, mode (max/min), sort
// (value/index/none), index_element_type, stable. Outputs values and indices; the axis
// dimension becomes min(k, dim).
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_topk(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    if (c.in_shapes[1].rank_is_static() && c.in_shapes[1].rank() != 0)
        c.fail_input(1, "k must be a scalar, got shape " + c.in_shapes[1].to_string());
    auto index_type = type_from_name(c.node.attrs.get_string("index_element_type", "i32"));
    check(index_type == ElementType::i32 || index_type == ElementType::i64, c.node.describe(),
          ": index_element_type must be i32 or i64, got ", type_name(index_type));
    PartialShape out = in;
    if (in.rank_is_static()) {
        int64_t axis = normalize_axis(c.node.attrs.get_int("axis"), in.rank(), c.node.name);
        Dimension& d = out[size_t(axis)];
        std::vector<int64_t> k;
        if (c.int_values(1, k)) {
            check(k[0] >= 0, c.node.describe(), ": k must not be negative, got ", k[0]);
            d = d.is_static() ? Dimension(std::min(k[0], d.value())) : Dimension(std::min(k[0], d.min), k[0]);
        } else {
            d = Dimension(0, d.max);
        }
    }
    c.set_output(0, c.in_types[0], out);
    c.set_output(1, index_type, out);
}

}  // namespace

OVKIT_OP("TopK", infer_topk, 2, 2);
OVKIT_OP_VERSION("TopK", "opset11");

}  // namespace ovkit
