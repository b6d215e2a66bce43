// NegativeLogLikelihoodLoss: OpenVINO has no op for it, so ovkit keeps ONNX's name and
// semantics. Inputs: log-probabilities [N, C, d1...], target [N, d1...] (i32/i64), optional
// weight [C]. Attributes: reduction ("none", "sum", "mean"), ignore_index (optional).
// Output: the target's shape for "none", a scalar otherwise.
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_nll(ShapeContext& c) {
    check(is_float(c.in_types[0]), c.node.describe(), ": input must be floating point, got ", type_name(c.in_types[0]));
    check(c.in_types[1] == ElementType::i32 || c.in_types[1] == ElementType::i64, c.node.describe(),
          ": target must be i32 or i64, got ", type_name(c.in_types[1]));
    std::string reduction = c.node.attrs.get_string("reduction", "mean");
    check(reduction == "none" || reduction == "sum" || reduction == "mean", c.node.describe(),
          ": reduction must be none, sum or mean, got '", reduction, "'");
    const PartialShape& x = c.in_shapes[0];
    const PartialShape& t = c.in_shapes[1];
    if (x.rank_is_static() && t.rank_is_static()) {
        bool ok = x.rank() >= 2 && t.rank() == x.rank() - 1;
        for (int64_t d = 0; ok && d < t.rank(); ++d) {
            const Dimension &a = t[size_t(d)], &b = x[size_t(d == 0 ? 0 : d + 1)];
            ok = a.is_dynamic() || b.is_dynamic() || a == b;
        }
        if (!ok) fail(c.node.describe(), ": target shape ", t.to_string(), " does not match input shape ",
                      x.to_string(), " (expected [N, C, d1...] and [N, d1...])");
    }
    if (c.inputs() > 2) {
        check(c.in_types[2] == c.in_types[0], c.node.describe(), ": weight type ", type_name(c.in_types[2]),
              " differs from input type ", type_name(c.in_types[0]));
        const PartialShape& w = c.in_shapes[2];
        if (w.rank_is_static() && (w.rank() != 1 || (x.rank_is_static() && x[1].is_static() &&
                                                      w[0].is_static() && w[0] != x[1])))
            c.fail_input(2, "weight must have shape [C] for input " + x.to_string() + ", got " + w.to_string());
    }
    c.set_output(0, c.in_types[0], reduction == "none" ? t : PartialShape(Shape{}));
}

}  // namespace

OVKIT_OP("NegativeLogLikelihoodLoss", infer_nll, 2, 3);
OVKIT_OP_VERSION("NegativeLogLikelihoodLoss", "ovkit");

}  // namespace ovkit
