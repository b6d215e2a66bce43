// Tile(data, repeats): repeats data along each axis; shorter operands get leading 1s.
#include "movement_helpers.h"

namespace ovkit {
namespace {
void infer_tile(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    std::vector<int64_t> repeats;
    if (!in.rank_is_static() || !c.int_values(1, repeats)) {
        int64_t n = infer::known_length(c, 1);
        return c.set_output(0, c.in_types[0],
                            PartialShape::dynamic(in.rank_is_static() && n >= 0 ? std::max(in.rank(), n) : -1));
    }
    size_t rank = std::max(in.size(), repeats.size());
    repeats.insert(repeats.begin(), rank - repeats.size(), 1);
    std::vector<Dimension> out(rank - in.size(), Dimension(1));
    out.insert(out.end(), in.dims().begin(), in.dims().end());
    for (size_t i = 0; i < rank; ++i) {
        check(repeats[i] >= 0, c.node.describe(), ": repeats ", to_string(repeats), " has a negative value");
        if (out[i].is_static()) out[i] = Dimension(out[i].value() * repeats[i]);
        else if (repeats[i] == 0) out[i] = Dimension(0);
        else out[i] = Dimension(out[i].min * repeats[i], out[i].max < 0 ? -1 : out[i].max * repeats[i]);
    }
    c.set_output(0, c.in_types[0], PartialShape(out));
}
}  // namespace
OVKIT_OP("Tile", infer_tile, 2, 2);
}  // namespace ovkit
