// ONNX OneHot(indices, depth, values = [off, on]) -> OneHot with negative indices counted
// from the end.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> one_hot(NodeContext& c) {
    Output values = c.input(2);
    Output off = c.make("Gather", {values, c.scalar_i64(0), c.scalar_i64(0)});
    Output on = c.make("Gather", {values, c.scalar_i64(1), c.scalar_i64(0)});
    return {c.make("OneHot", {c.input(0), c.input(1), on, off},
                   Attributes{{"axis", c.attr_int("axis", -1)}, {"negative_indices_mode", std::string("normalize")}})};
}
}  // namespace
ONNX_OP("OneHot", 9, one_hot);
}  // namespace ovkit::onnx_frontend
