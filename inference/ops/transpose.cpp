// Transpose(data, order): output dim i = input dim order[i]; an empty order reverses.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_transpose(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    std::vector<int64_t> order;
    if (!in.rank_is_static() || !c.int_values(1, order)) {
        c.set_output(0, c.in_types[0], PartialShape::dynamic(in.rank()));
        return;
    }
    int64_t rank = in.rank();
    if (order.empty())
        for (int64_t i = rank - 1; i >= 0; --i) order.push_back(i);
    check(int64_t(order.size()) == rank, c.node.describe(), ": order ", to_string(order),
          " does not match the input rank ", rank);
    std::vector<bool> seen(size_t(rank), false);
    std::vector<Dimension> out;
    for (int64_t o : order) {
        check(o >= 0 && o < rank && !seen[size_t(o)], c.node.describe(), ": order ", to_string(order),
              " is not a permutation of 0..", rank - 1);
        seen[size_t(o)] = true;
        out.push_back(in[size_t(o)]);
    }
    c.set_output(0, c.in_types[0], PartialShape(out));
}
}  // namespace
OVKIT_OP("Transpose", infer_transpose, 2, 2);
}  // namespace ovkit
