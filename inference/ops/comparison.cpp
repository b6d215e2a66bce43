// Comparisons (Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual), logical ops
// (LogicalAnd/Or/Xor/Not) and IsNaN/IsInf/IsFinite: boolean outputs.
#include "infer_helpers.h"

namespace ovkit {
namespace {

void infer_compare(ShapeContext& c) { infer::broadcast_binary(c, ElementType::boolean); }

void require_boolean(const ShapeContext& c) {
    for (size_t i = 0; i < c.inputs(); ++i)
        check(c.in_types[i] == ElementType::boolean, c.node.describe(), ": input ", i, " has type ",
              type_name(c.in_types[i]), ", expected boolean");
}

void infer_logical(ShapeContext& c) {
    require_boolean(c);
    infer_compare(c);
}

void infer_logical_not(ShapeContext& c) {
    require_boolean(c);
    infer::same_as_input(c);
}

void infer_float_test(ShapeContext& c) {
    check(is_float(c.in_types[0]), c.node.describe(), ": input has type ", type_name(c.in_types[0]),
          ", expected a floating type");
    c.set_output(0, ElementType::boolean, c.in_shapes[0]);
}

}  // namespace

OVKIT_OP("Equal", infer_compare, 2, 2);
OVKIT_OP("NotEqual", infer_compare, 2, 2);
OVKIT_OP("Less", infer_compare, 2, 2);
OVKIT_OP("LessEqual", infer_compare, 2, 2);
OVKIT_OP("Greater", infer_compare, 2, 2);
OVKIT_OP("GreaterEqual", infer_compare, 2, 2);
OVKIT_OP("LogicalAnd", infer_logical, 2, 2);
OVKIT_OP("LogicalOr", infer_logical, 2, 2);
OVKIT_OP("LogicalXor", infer_logical, 2, 2);
OVKIT_OP("LogicalNot", infer_logical_not, 1, 1);
OVKIT_OP("IsNaN", infer_float_test, 1, 1);
OVKIT_OP_VERSION("IsNaN", "opset10");
OVKIT_OP("IsInf", infer_float_test, 1, 1);
OVKIT_OP_VERSION("IsInf", "opset10");
OVKIT_OP("IsFinite", infer_float_test, 1, 1);
OVKIT_OP_VERSION("IsFinite", "opset10");

}  // namespace ovkit
