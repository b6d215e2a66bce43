// ONNX Trilu -> Trilu (ovkit's own op: no OpenVINO opset has one).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> trilu(NodeContext& c) {
    return {c.make("Trilu", c.inputs(), Attributes{{"upper", c.attr_int("upper", 1) != 0}})};
}
}  // namespace
ONNX_OP("Trilu", 14, trilu);
}  // namespace ovkit::onnx_frontend
