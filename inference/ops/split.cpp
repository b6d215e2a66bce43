// Split(data, axis; num_splits): equal parts along axis.
// VariadicSplit(data, axis, split_lengths): parts of the given lengths; one length may be -1.
#include "movement_helpers.h"

namespace ovkit {
namespace {

// Sets every output to the input shape with `lengths[i]` (-1: dynamic) on the axis; the axis
// itself is unknown when `axis` is null.
void set_parts(ShapeContext& c, const int64_t* axis, const std::vector<int64_t>& lengths) {
    const PartialShape& in = c.in_shapes[0];
    for (size_t i = 0; i < c.out_types.size(); ++i) {
        PartialShape s = in;
        if (!axis) s = PartialShape::dynamic(in.rank());
        else s[size_t(*axis)] = lengths[i] < 0 ? Dimension::dynamic() : Dimension(lengths[i]);
        c.set_output(i, c.in_types[0], s);
    }
}

// The normalized axis (input 1) when known and the input rank is static.
bool split_axis(ShapeContext& c, int64_t& axis) {
    if (!infer::scalar_value(c, 1, "axis", axis) || !c.in_shapes[0].rank_is_static()) return false;
    axis = normalize_axis(axis, c.in_shapes[0].rank(), c.node.name);
    return true;
}

void infer_split(ShapeContext& c) {
    int64_t parts = c.node.attrs.get_int("num_splits");
    check(parts > 0 && size_t(parts) == c.out_types.size(), c.node.describe(), ": num_splits (", parts,
          ") must be positive and match the ", c.out_types.size(), " outputs");
    int64_t axis;
    if (!split_axis(c, axis)) return set_parts(c, nullptr, {});
    Dimension d = c.in_shapes[0][size_t(axis)];
    int64_t len = -1;
    if (d.is_static()) {
        check(d.value() % parts == 0, c.node.describe(), ": dimension ", d.value(), " of axis ", axis,
              " does not split into ", parts, " equal parts");
        len = d.value() / parts;
    }
    set_parts(c, &axis, std::vector<int64_t>(size_t(parts), len));
}

void infer_variadic_split(ShapeContext& c) {
    std::vector<int64_t> lengths;
    int64_t axis;
    bool axis_known = split_axis(c, axis);
    if (!c.int_values(2, lengths)) {
        if (axis_known) return set_parts(c, &axis, std::vector<int64_t>(c.out_types.size(), -1));
        return set_parts(c, nullptr, {});
    }
    check(lengths.size() == c.out_types.size(), c.node.describe(), ": split_lengths ", to_string(lengths),
          " does not match the ", c.out_types.size(), " outputs");
    if (!axis_known) return set_parts(c, nullptr, {});
    int64_t infer_at = -1, sum = 0;
    for (size_t i = 0; i < lengths.size(); ++i) {
        if (lengths[i] == -1) {
            check(infer_at < 0, c.node.describe(), ": split_lengths ", to_string(lengths), " has more than one -1");
            infer_at = int64_t(i);
        } else {
            check(lengths[i] >= 0, c.node.describe(), ": split_lengths ", to_string(lengths), " has a negative length");
            sum += lengths[i];
        }
    }
    Dimension d = c.in_shapes[0][size_t(axis)];
    if (d.is_static()) {
        check(infer_at >= 0 ? sum <= d.value() : sum == d.value(), c.node.describe(), ": split_lengths ",
              to_string(lengths), " do not add up to dimension ", d.value(), " of axis ", axis);
        if (infer_at >= 0) lengths[size_t(infer_at)] = d.value() - sum;
    }
    set_parts(c, &axis, lengths);
}

}  // namespace
OVKIT_OP("Split", infer_split, 2, 2);
OVKIT_OP("VariadicSplit", infer_variadic_split, 3, 3);
}  // namespace ovkit
