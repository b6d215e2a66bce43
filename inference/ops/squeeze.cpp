// Squeeze(data[, axes]) removes size-1 dimensions (all of them without axes);
// Unsqueeze(data, axes) inserts them at the given positions of the output.
#include "movement_helpers.h"

namespace ovkit {
namespace {

void infer_squeeze(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    std::vector<int64_t> axes;
    bool has_axes = c.inputs() > 1;
    if (!in.rank_is_static() || (has_axes && !c.int_values(1, axes))) {
        int64_t n = has_axes ? infer::known_length(c, 1) : -1;
        c.set_output(0, c.in_types[0],
                     PartialShape::dynamic(in.rank_is_static() && n >= 0 ? in.rank() - n : -1));
        return;
    }
    std::vector<bool> drop(in.size(), false);
    if (has_axes) {
        for (int64_t a : infer::normalize_axes(c, axes, in.rank())) {
            check(in[size_t(a)].compatible(1), c.node.describe(), ": cannot squeeze axis ", a, " of shape ",
                  in.to_string(), " (size is not 1)");
            drop[size_t(a)] = true;
        }
    } else {
        for (size_t i = 0; i < in.size(); ++i) {
            if (in[i].is_dynamic()) {  // might be 1: the output rank is unknown
                c.set_output(0, c.in_types[0], PartialShape::dynamic());
                return;
            }
            drop[i] = in[i].value() == 1;
        }
    }
    std::vector<Dimension> out;
    for (size_t i = 0; i < in.size(); ++i)
        if (!drop[i]) out.push_back(in[i]);
    c.set_output(0, c.in_types[0], PartialShape(out));
}

void infer_unsqueeze(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    std::vector<int64_t> axes;
    if (!in.rank_is_static() || !c.int_values(1, axes)) {
        int64_t n = infer::known_length(c, 1);
        c.set_output(0, c.in_types[0], PartialShape::dynamic(in.rank_is_static() && n >= 0 ? in.rank() + n : -1));
        return;
    }
    int64_t rank = in.rank() + int64_t(axes.size());
    std::vector<bool> inserted(size_t(rank), false);
    for (int64_t a : infer::normalize_axes(c, axes, rank)) inserted[size_t(a)] = true;
    std::vector<Dimension> out;
    size_t next = 0;
    for (int64_t i = 0; i < rank; ++i) out.push_back(inserted[size_t(i)] ? Dimension(1) : in[next++]);
    c.set_output(0, c.in_types[0], PartialShape(out));
}

}  // namespace
OVKIT_OP("Squeeze", infer_squeeze, 1, 2);
OVKIT_OP("Unsqueeze", infer_unsqueeze, 2, 2);
}  // namespace ovkit
