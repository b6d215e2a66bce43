// ONNX Range -> Range with the inputs' element type.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> range(NodeContext& c) {
    Output start = c.input(0);
    return {c.make("Range", {start, c.input(1), c.input(2)},
                   Attributes{{"output_type", std::string(type_name(start.type()))}})};
}
}  // namespace
ONNX_OP("Range", 11, range);
}  // namespace ovkit::onnx_frontend
