// Slice(data, start, stop, step[, axes]) (OpenVINO opset8): numpy-style slicing of the listed
// axes (all leading axes without `axes`), negative steps included.
#include "slice.h"

#include "movement_helpers.h"

namespace ovkit {
namespace {

// The sliced size of `d`: exact when it is static or when every size d may take gives the
// same count; otherwise the interval of possible counts (unbounded when it keeps growing
// with an unbounded d).
Dimension sliced(Dimension d, int64_t start, int64_t stop, int64_t step) {
    if (d.is_static()) return Dimension(slice_range(start, stop, step, d.value()).count);
    constexpr int64_t kLarge = int64_t(1) << 40;  // stands for "unbounded"
    auto count = [&](int64_t n) { return slice_range(start, stop, step, n).count; };
    int64_t lo = count(d.min);
    int64_t hi = count(d.max < 0 ? kLarge : d.max);
    bool unbounded = d.max < 0 && count(2 * kLarge) != hi;
    if (lo == hi && !unbounded) return Dimension(lo);
    return Dimension(std::min(lo, hi), unbounded ? -1 : std::max(lo, hi));
}

void infer_slice(ShapeContext& c) {
    const PartialShape& in = c.in_shapes[0];
    ElementType t = c.in_types[0];
    if (!in.rank_is_static()) return c.set_output(0, t, PartialShape::dynamic());
    std::vector<int64_t> start, stop, step, axes;
    bool has_axes = c.inputs() > 4;
    if (has_axes && !c.int_values(4, axes)) return c.set_output(0, t, PartialShape::dynamic(in.rank()));
    bool values = c.int_values(1, start) && c.int_values(2, stop) && c.int_values(3, step);
    size_t n = values ? start.size() : size_t(std::max<int64_t>(infer::known_length(c, 1), 0));
    if (!has_axes) {
        if (!values && infer::known_length(c, 1) < 0) return c.set_output(0, t, PartialShape::dynamic(in.rank()));
        for (size_t i = 0; i < n; ++i) axes.push_back(int64_t(i));
    }
    axes = infer::normalize_axes(c, axes, in.rank());
    PartialShape out = in;
    if (!values) {
        for (int64_t a : axes) out[size_t(a)] = Dimension::dynamic();
        return c.set_output(0, t, out);
    }
    check(stop.size() == n && step.size() == n && axes.size() == n, c.node.describe(), ": start ",
          to_string(start), ", stop ", to_string(stop), ", step ", to_string(step), " and axes ",
          to_string(axes), " differ in length");
    for (size_t i = 0; i < n; ++i) {
        check(step[i] != 0, c.node.describe(), ": step ", to_string(step), " has a zero");
        out[size_t(axes[i])] = sliced(in[size_t(axes[i])], start[i], stop[i], step[i]);
    }
    c.set_output(0, t, out);
}

}  // namespace
OVKIT_OP("Slice", infer_slice, 4, 5);
OVKIT_OP_VERSION("Slice", "opset8");
}  // namespace ovkit
