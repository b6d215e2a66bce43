// Activations. Most keep the input's type and shape; Selu and HardSigmoid take their
// parameters as scalar inputs of the data type, PRelu a broadcastable slope.
#include "infer_helpers.h"

namespace ovkit {
namespace {

// Output like input 0; every other input (parameters, slope) must have its type.
void infer_same_typed_inputs(ShapeContext& c) {
    for (size_t i = 1; i < c.inputs(); ++i)
        check(c.in_types[i] == c.in_types[0], c.node.describe(), ": input ", i, " has type ",
              type_name(c.in_types[i]), ", expected the data type ", type_name(c.in_types[0]));
    infer::same_as_input(c);
}

// The slope applies per channel when it is 1-D and matches data's axis 1 (OpenVINO's rule),
// else it must broadcast numpy-style to data's shape.
void infer_prelu(ShapeContext& c) {
    infer_same_typed_inputs(c);
    if (!c.in_shapes[0].is_static() || !c.in_shapes[1].is_static()) return;
    Shape data = c.in_shapes[0].to_shape(), slope = c.in_shapes[1].to_shape();
    bool per_channel = slope.size() == 1 && !data.empty() && data[data.size() > 1 ? 1 : 0] == slope[0];
    check(per_channel || broadcast_shapes(data, slope) == data, c.node.describe(), ": slope shape ",
          to_string(slope), " does not broadcast to data shape ", to_string(data));
}

void infer_gelu(ShapeContext& c) {
    std::string mode = c.node.attrs.get_string("approximation_mode", "ERF");
    check(mode == "ERF" || mode == "TANH", c.node.describe(), ": approximation_mode '", mode,
          "' is not one of ERF, TANH");
    infer::same_as_input(c);
}

void infer_clamp(ShapeContext& c) {
    double lo = c.node.attrs.get_float("min"), hi = c.node.attrs.get_float("max");
    check(!(lo > hi), c.node.describe(), ": min (", lo, ") is greater than max (", hi, ")");
    infer::same_as_input(c);
}

}  // namespace

OVKIT_OP("Sigmoid", infer::same_as_input, 1, 1);
OVKIT_OP("Tanh", infer::same_as_input, 1, 1);
OVKIT_OP("SoftSign", infer::same_as_input, 1, 1);
OVKIT_OP_VERSION("SoftSign", "opset9");
OVKIT_OP("SoftPlus", infer::same_as_input, 1, 1);
OVKIT_OP_VERSION("SoftPlus", "opset4");
OVKIT_OP("Mish", infer::same_as_input, 1, 1);
OVKIT_OP_VERSION("Mish", "opset4");
OVKIT_OP("HSwish", infer::same_as_input, 1, 1);
OVKIT_OP_VERSION("HSwish", "opset4");
OVKIT_OP("Elu", infer::same_as_input, 1, 1);
OVKIT_OP("Selu", infer_same_typed_inputs, 3, 3);
OVKIT_OP("HardSigmoid", infer_same_typed_inputs, 3, 3);
OVKIT_OP("Gelu", infer_gelu, 1, 1);
OVKIT_OP_VERSION("Gelu", "opset7");
OVKIT_OP("Clamp", infer_clamp, 1, 1);
OVKIT_OP("PRelu", infer_prelu, 2, 2);

}  // namespace ovkit
