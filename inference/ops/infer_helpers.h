#pragma once
// Shape rules shared by many ops.
#include "ovkit/exception.h"
#include "ovkit/op_registry.h"

namespace ovkit::infer {

// Output 0 = input 0 (unary elementwise ops).
inline void same_as_input(ShapeContext& c) { c.set_output(0, c.in_types[0], c.in_shapes[0]); }

// Numpy-broadcast of inputs 0 and 1; `out` undefined keeps input 0's type. Checks equal types.
inline void broadcast_binary(ShapeContext& c, ElementType out = ElementType::undefined) {
    check(c.in_types[0] == c.in_types[1], c.node.describe(), ": input element types differ (",
          type_name(c.in_types[0]), " and ", type_name(c.in_types[1]), ")");
    c.set_output(0, out == ElementType::undefined ? c.in_types[0] : out,
                 broadcast_shapes(c.in_shapes[0], c.in_shapes[1]));
}

// Known int64 values of input i, or throws naming the node (for attributes given as inputs
// that a rule cannot do without).
inline std::vector<int64_t> required_ints(const ShapeContext& c, size_t i, const char* what) {
    std::vector<int64_t> v;
    if (!c.int_values(i, v)) fail(c.node.describe(), ": ", what, " (input ", i, ") must be a constant");
    return v;
}

// Converts a PartialShape from a static-rank shape with some known values.
inline PartialShape dynamic_of_rank(int64_t rank) { return PartialShape::dynamic(rank); }

}  // namespace ovkit::infer
