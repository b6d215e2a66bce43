// ONNX Gather -> Gather (opset8: negative indices count from the end); GatherElements ->
// GatherElements; GatherND -> GatherND (opset8 keeps the batch dimensions, as ONNX does).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> gather(NodeContext& c) {
    return {c.make("Gather", {c.input(0), c.input(1), c.scalar_i64(c.attr_int("axis", 0))})};
}
std::vector<Output> gather_elements(NodeContext& c) {
    return {c.make("GatherElements", {c.input(0), c.input(1)}, Attributes{{"axis", c.attr_int("axis", 0)}})};
}
std::vector<Output> gather_nd(NodeContext& c) {
    return {c.make("GatherND", {c.input(0), c.input(1)}, Attributes{{"batch_dims", c.attr_int("batch_dims", 0)}})};
}
}  // namespace
ONNX_OP("Gather", 1, gather);
ONNX_OP("GatherElements", 11, gather_elements);
ONNX_OP("GatherND", 11, gather_nd);
}  // namespace ovkit::onnx_frontend
