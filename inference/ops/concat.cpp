// Concat(inputs...; axis): joins the inputs along axis; other dimensions must agree.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_concat(ShapeContext& c) {
    int64_t axis = c.node.attrs.get_int("axis");
    PartialShape out;  // dynamic rank until an input has a static rank
    bool axis_static = true;
    int64_t axis_size = 0;
    for (size_t i = 0; i < c.inputs(); ++i) {
        check(c.in_types[i] == c.in_types[0], c.node.describe(), ": input ", i, " has type ",
              type_name(c.in_types[i]), ", input 0 has ", type_name(c.in_types[0]));
        const PartialShape& s = c.in_shapes[i];
        if (!s.rank_is_static()) {
            axis_static = false;
            continue;
        }
        if (!out.rank_is_static()) out = s;
        check(s.rank() == out.rank(), c.node.describe(), ": input ", i, " has shape ", s.to_string(),
              ", another input has ", out.to_string(), " (ranks differ)");
        int64_t a = normalize_axis(axis, s.rank(), c.node.name);
        for (size_t d = 0; d < s.size(); ++d) {
            if (int64_t(d) == a) continue;
            if (out[d].is_dynamic()) out[d] = s[d];
            check(s[d].is_dynamic() || out[d].is_dynamic() || s[d].value() == out[d].value(), c.node.describe(),
                  ": input ", i, " has shape ", s.to_string(), ", which differs from ", out.to_string(),
                  " outside axis ", a);
        }
        if (s[size_t(a)].is_dynamic()) axis_static = false;
        else if (__builtin_add_overflow(axis_size, s[size_t(a)].value(), &axis_size))
            fail(c.node.describe(), ": the concatenated axis overflows 64 bits");
    }
    if (out.rank_is_static()) {
        int64_t a = normalize_axis(axis, out.rank(), c.node.name);
        out[size_t(a)] = axis_static ? Dimension(axis_size) : Dimension::dynamic();
    }
    c.set_output(0, c.in_types[0], out);
}
}  // namespace
OVKIT_OP("Concat", infer_concat, 1);
}  // namespace ovkit
