// ReadValue / Assign (opset6): state kept between inferences in named variables.
// ReadValue yields the variable (its init input, or zeros of variable_shape, while unset);
// Assign stores its input into the variable and is a model sink.
#include "infer_helpers.h"

namespace ovkit {
namespace {

void check_variable_id(const ShapeContext& c) {
    check(!c.node.attrs.get_string("variable_id", "").empty(), c.node.describe(), ": attribute 'variable_id' is required");
}

void infer_read_value(ShapeContext& c) {
    check_variable_id(c);
    const Attributes& a = c.node.attrs;
    if (c.inputs() == 1) {
        c.set_output(0, c.in_types[0], c.in_shapes[0]);
        return;
    }
    check(a.has("variable_type") && a.has("variable_shape"), c.node.describe(),
          ": without an init input, attributes 'variable_type' and 'variable_shape' are required");
    c.set_output(0, type_from_name(a.get_string("variable_type")), PartialShape::parse(a.get_string("variable_shape")));
}

void infer_assign(ShapeContext& c) {
    check_variable_id(c);
    infer::same_as_input(c);
}

}  // namespace

OVKIT_OP("ReadValue", infer_read_value, 0, 1, false);
OVKIT_OP_VERSION("ReadValue", "opset6");
OVKIT_OP("Assign", infer_assign, 1, 1, false);
OVKIT_OP_VERSION("Assign", "opset6");

}  // namespace ovkit
