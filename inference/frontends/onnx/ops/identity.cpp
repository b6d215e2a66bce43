// ONNX Identity: the input itself, no node.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> identity(NodeContext& c) { return {c.input(0)}; }
}  // namespace
ONNX_OP("Identity", 1, identity);
}  // namespace ovkit::onnx_frontend
