// Reverse (opset1): inputs data and axes; mode "index" (axes are indices) or "mask"
// (axes is a boolean per dimension). Output = input shape.
#include "axes_input.h"

namespace ovkit {
namespace {

void infer_reverse(ShapeContext& c) {
    std::string mode = c.node.attrs.get_string("mode");
    check(mode == "index" || mode == "mask", c.node.describe(), ": mode must be index or mask, got '", mode, "'");
    std::vector<int64_t> axes;
    if (mode == "index" && c.in_shapes[0].rank_is_static()) infer::axes_input(c, 1, c.in_shapes[0].rank(), axes);
    infer::same_as_input(c);
}

}  // namespace

OVKIT_OP("Reverse", infer_reverse, 2, 2);

}  // namespace ovkit
