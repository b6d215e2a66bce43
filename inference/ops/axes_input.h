#pragma once
// Axes given as an input tensor (Reduce*, MVN, LRN, Reverse): normalized against the data
// rank and checked for repeats, shared by the shape rules of those ops.
#include <algorithm>

#include "infer_helpers.h"

namespace ovkit::infer {

// Normalized axes held by input `i` for data of `rank`; false when the value is unknown.
inline bool axes_input(const ShapeContext& c, size_t i, int64_t rank, std::vector<int64_t>& axes) {
    if (c.in_shapes[i].rank_is_static() && c.in_shapes[i].rank() > 1)
        c.fail_input(i, "axes must be a scalar or 1-D, got shape " + c.in_shapes[i].to_string());
    if (!c.int_values(i, axes)) return false;
    for (int64_t& a : axes) a = normalize_axis(a, rank, c.node.name);
    std::vector<int64_t> sorted = axes;
    std::sort(sorted.begin(), sorted.end());
    for (size_t k = 1; k < sorted.size(); ++k)
        if (sorted[k] == sorted[k - 1])
            fail(c.node.describe(), ": axis ", sorted[k], " is given more than once");
    return true;
}

}  // namespace ovkit::infer
