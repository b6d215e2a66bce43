#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> relu(NodeContext& c) { return {c.make("Relu", {c.input(0)})}; }
}  // namespace
ONNX_OP("Relu", 1, relu);
}  // namespace ovkit::onnx_frontend
