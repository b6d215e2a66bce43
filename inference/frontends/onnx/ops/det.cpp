// ONNX Det -> Det (ovkit's own op; OpenVINO has none).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> det(NodeContext& c) { return {c.make("Det", {c.input(0)})}; }
}  // namespace
ONNX_OP("Det", 11, det);
}  // namespace ovkit::onnx_frontend
