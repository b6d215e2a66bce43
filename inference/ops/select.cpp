// Select(cond, then, else): numpy broadcast of all three; cond is boolean.
#include "infer_helpers.h"

namespace ovkit {
namespace {
void infer_select(ShapeContext& c) {
    check(c.in_types[0] == ElementType::boolean, c.node.describe(), ": condition has type ",
          type_name(c.in_types[0]), ", expected boolean");
    check(c.in_types[1] == c.in_types[2], c.node.describe(), ": then and else types differ (",
          type_name(c.in_types[1]), " and ", type_name(c.in_types[2]), ")");
    c.set_output(0, c.in_types[1],
                 broadcast_shapes(broadcast_shapes(c.in_shapes[0], c.in_shapes[1]), c.in_shapes[2]));
}
}  // namespace

OVKIT_OP("Select", infer_select, 3, 3);

}  // namespace ovkit
