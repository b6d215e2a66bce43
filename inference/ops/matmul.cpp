// MatMul (opset1): numpy-style batched matrix product with `transpose_a`/`transpose_b`.
// A 1-D operand is a row (A) or column (B) vector whose unit dimension is removed from the
// result; transposes do not apply to 1-D operands.
#include "infer_helpers.h"

namespace ovkit {
namespace {

void matmul(ShapeContext& c) {
    check(c.in_types[0] == c.in_types[1], c.node.describe(), ": input element types differ (",
          type_name(c.in_types[0]), " and ", type_name(c.in_types[1]), ")");
    PartialShape a = c.in_shapes[0], b = c.in_shapes[1];
    if (!a.rank_is_static() || !b.rank_is_static()) return c.set_output(0, c.in_types[0], PartialShape::dynamic());
    check(a.rank() >= 1 && b.rank() >= 1, c.node.describe(), ": inputs must have rank >= 1, got ", a.to_string(),
          " and ", b.to_string());
    bool a_vec = a.rank() == 1, b_vec = b.rank() == 1;
    if (a_vec) a = PartialShape({Dimension(1), a[0]});
    else if (c.node.attrs.get_bool("transpose_a", false)) std::swap(a[a.size() - 1], a[a.size() - 2]);
    if (b_vec) b = PartialShape({b[0], Dimension(1)});
    else if (c.node.attrs.get_bool("transpose_b", false)) std::swap(b[b.size() - 1], b[b.size() - 2]);
    const Dimension& ka = a[a.size() - 1];
    const Dimension& kb = b[b.size() - 2];
    if (ka.is_static() && kb.is_static())
        check(ka.value() == kb.value(), c.node.describe(), ": inner dimensions differ: A ", c.in_shapes[0].to_string(),
              " and B ", c.in_shapes[1].to_string(), " (after transposes ", ka.value(), " vs ", kb.value(), ")");
    std::vector<Dimension> ba(a.dims().begin(), a.dims().end() - 2), bb(b.dims().begin(), b.dims().end() - 2);
    PartialShape batch = broadcast_shapes(PartialShape(ba), PartialShape(bb));
    std::vector<Dimension> out = batch.dims();
    if (!a_vec) out.push_back(a[a.size() - 2]);
    if (!b_vec) out.push_back(b[b.size() - 1]);
    c.set_output(0, c.in_types[0], PartialShape(out));
}

}  // namespace

OVKIT_OP("MatMul", matmul, 2, 2);

}  // namespace ovkit
