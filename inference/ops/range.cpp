// Range(start, stop, step; output_type) (opset4): start, start + step, ... while before stop.
#include <cmath>
#include <optional>

#include "infer_helpers.h"

namespace ovkit {
namespace {

std::optional<double> scalar_of(const ShapeContext& c, size_t i, const char* what) {
    const PartialShape& s = c.in_shapes[i];
    check(!s.rank_is_static() || s.rank() == 0 || (s.rank() == 1 && s[0].compatible(1)), c.node.describe(), ": ",
          what, " must be a scalar, got shape ", s.to_string());
    const Tensor* v = c.value(i);
    if (!v) return std::nullopt;
    check(v->size() == 1, c.node.describe(), ": ", what, " must hold one value, got ", v->size());
    return v->as_double()[0];
}

void infer_range(ShapeContext& c) {
    ElementType t = type_from_name(c.node.attrs.get_string("output_type", type_name(c.in_types[0])));
    auto start = scalar_of(c, 0, "start"), stop = scalar_of(c, 1, "stop"), step = scalar_of(c, 2, "step");
    if (!start || !stop || !step) return c.set_output(0, t, PartialShape::dynamic(1));
    check(*step != 0, c.node.describe(), ": step is zero");
    double n = std::ceil((*stop - *start) / *step);
    if (is_integral(t)) {  // exact for large integers
        int64_t a = c.value(0)->as_int64()[0], b = c.value(1)->as_int64()[0], d = c.value(2)->as_int64()[0];
        check(d != 0, c.node.describe(), ": step is zero");
        n = double(d > 0 ? (b > a ? (b - a + d - 1) / d : 0) : (a > b ? (a - b - d - 1) / -d : 0));
    }
    check(std::isfinite(n) && n < 9e18, c.node.describe(), ": range from ", *start, " to ", *stop, " by ", *step,
          " is not finite");
    c.set_output(0, t, PartialShape(Shape{n > 0 ? int64_t(n) : 0}));
}

}  // namespace
OVKIT_OP("Range", infer_range, 3, 3);
OVKIT_OP_VERSION("Range", "opset4");
}  // namespace ovkit
