// Parameter, Constant, Result: the model's inputs, weights and outputs.
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_parameter(ShapeContext& c) {
    c.set_output(0, type_from_name(c.node.attrs.get_string("element_type")),
                 PartialShape::parse(c.node.attrs.get_string("shape")));
}

void infer_constant(ShapeContext& c) { c.set_output(0, c.node.value.type(), c.node.value.shape()); }

void infer_result(ShapeContext& c) { infer::same_as_input(c); }

}  // namespace

OVKIT_OP("Parameter", infer_parameter, 0, 0, false);
OVKIT_OP("Constant", infer_constant, 0, 0);
OVKIT_OP("Result", infer_result, 1, 1, false);

}  // namespace ovkit
