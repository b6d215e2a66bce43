// ONNX Expand -> Broadcast in bidirectional mode (the output may be larger than the shape).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> expand(NodeContext& c) {
    return {c.make("Broadcast", {c.input(0), c.input(1)}, Attributes{{"mode", std::string("bidirectional")}})};
}
}  // namespace
ONNX_OP("Expand", 8, expand);
}  // namespace ovkit::onnx_frontend
