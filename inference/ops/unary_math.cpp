// Elementwise math ops: output has the input's type and shape.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_round(ShapeContext& c) {
    std::string mode = c.node.attrs.get_string("mode", "half_to_even");
    check(mode == "half_to_even" || mode == "half_away_from_zero", c.node.describe(), ": Round mode '", mode,
          "' is not one of half_to_even, half_away_from_zero");
    infer::same_as_input(c);
}
}  // namespace

OVKIT_OP("Abs", infer::same_as_input, 1, 1);
OVKIT_OP("Negative", infer::same_as_input, 1, 1);
OVKIT_OP("Sqrt", infer::same_as_input, 1, 1);
OVKIT_OP("Exp", infer::same_as_input, 1, 1);
OVKIT_OP("Log", infer::same_as_input, 1, 1);
OVKIT_OP("Sin", infer::same_as_input, 1, 1);
OVKIT_OP("Cos", infer::same_as_input, 1, 1);
OVKIT_OP("Tan", infer::same_as_input, 1, 1);
OVKIT_OP("Asin", infer::same_as_input, 1, 1);
OVKIT_OP("Acos", infer::same_as_input, 1, 1);
OVKIT_OP("Atan", infer::same_as_input, 1, 1);
OVKIT_OP("Sinh", infer::same_as_input, 1, 1);
OVKIT_OP("Cosh", infer::same_as_input, 1, 1);
OVKIT_OP("Asinh", infer::same_as_input, 1, 1);
OVKIT_OP_VERSION("Asinh", "opset4");
OVKIT_OP("Acosh", infer::same_as_input, 1, 1);
OVKIT_OP_VERSION("Acosh", "opset4");
OVKIT_OP("Atanh", infer::same_as_input, 1, 1);
OVKIT_OP_VERSION("Atanh", "opset4");
OVKIT_OP("Erf", infer::same_as_input, 1, 1);
OVKIT_OP("Sign", infer::same_as_input, 1, 1);
OVKIT_OP("Ceiling", infer::same_as_input, 1, 1);
OVKIT_OP("Floor", infer::same_as_input, 1, 1);
OVKIT_OP("Round", infer_round, 1, 1);
OVKIT_OP_VERSION("Round", "opset5");

}  // namespace ovkit
