// ONNX Einsum -> Einsum (equation attribute).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> einsum(NodeContext& c) {
    return {c.make("Einsum", c.inputs(), Attributes{{"equation", c.attr_string("equation", "")}})};
}

}  // namespace

ONNX_OP("Einsum", 12, einsum);

}  // namespace ovkit::onnx_frontend
