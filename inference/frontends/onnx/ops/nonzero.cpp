// ONNX NonZero -> NonZero (i64 coordinates).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> non_zero(NodeContext& c) {
    return {c.make("NonZero", {c.input(0)}, Attributes{{"output_type", std::string("i64")}})};
}
}  // namespace
ONNX_OP("NonZero", 9, non_zero);
}  // namespace ovkit::onnx_frontend
