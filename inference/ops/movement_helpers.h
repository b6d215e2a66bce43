#pragma once
// Shape rules shared by the data-movement ops (Reshape, Slice, Tile, Broadcast, ...).
#include "infer_helpers.h"

namespace ovkit::infer {

// Number of elements of the 1-D input i, from its value or its static shape; -1 when unknown.
inline int64_t known_length(const ShapeContext& c, size_t i) {
    if (const Tensor* v = c.value(i)) return v->size();
    const PartialShape& s = c.in_shapes[i];
    if (s.rank() == 0) return 1;
    if (s.rank() == 1 && s[0].is_static()) return s[0].value();
    return -1;
}

// Checks that input i is a scalar or a 1-D tensor with one element; returns its value if known.
inline bool scalar_value(const ShapeContext& c, size_t i, const char* what, int64_t& out) {
    const PartialShape& s = c.in_shapes[i];
    if (s.rank_is_static())
        check(s.rank() == 0 || (s.rank() == 1 && s[0].compatible(1)), c.node.describe(), ": ", what,
              " (input ", i, ") must be a scalar or hold one element, got shape ", s.to_string());
    std::vector<int64_t> v;
    if (!c.int_values(i, v)) return false;
    check(v.size() == 1, c.node.describe(), ": ", what, " (input ", i, ") must hold one element, got ", v.size());
    out = v[0];
    return true;
}

// Product of dims, -1 when one of them is dynamic; throws when it overflows 64 bits.
inline int64_t known_product(const std::vector<Dimension>& dims) {
    int64_t p = 1;
    for (const Dimension& d : dims) {
        if (d.is_dynamic()) return -1;
        if (__builtin_mul_overflow(p, d.value(), &p))
            fail("Shape ", PartialShape(dims).to_string(), " has more elements than fit in 64 bits");
    }
    return p;
}

// Normalizes each axis against `rank`; throws on out-of-range or repeated axes.
inline std::vector<int64_t> normalize_axes(const ShapeContext& c, std::vector<int64_t> axes, int64_t rank) {
    for (int64_t& a : axes) a = normalize_axis(a, rank, c.node.name);
    for (size_t i = 0; i < axes.size(); ++i)
        for (size_t j = i + 1; j < axes.size(); ++j)
            check(axes[i] != axes[j], c.node.describe(), ": axis ", axes[i], " is repeated");
    return axes;
}

}  // namespace ovkit::infer
