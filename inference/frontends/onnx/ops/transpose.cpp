// ONNX Transpose -> Transpose; without perm the axes are reversed (an empty order).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> transpose(NodeContext& c) {
    return {c.make("Transpose", {c.input(0), c.const_i64(c.attr_ints("perm"))})};
}
}  // namespace
ONNX_OP("Transpose", 1, transpose);
}  // namespace ovkit::onnx_frontend
