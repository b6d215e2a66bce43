// ONNX ReverseSequence (batch_axis 1, time_axis 0 by default) -> ReverseSequence.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {
std::vector<Output> reverse_sequence(NodeContext& c) {
    return {c.make("ReverseSequence", {c.input(0), c.input(1)},
                   Attributes{{"batch_axis", c.attr_int("batch_axis", 1)}, {"seq_axis", c.attr_int("time_axis", 0)}})};
}
}  // namespace
ONNX_OP("ReverseSequence", 10, reverse_sequence);
}  // namespace ovkit::onnx_frontend
