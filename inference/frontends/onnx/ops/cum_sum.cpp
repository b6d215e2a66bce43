// ONNX CumSum -> CumSum (same inputs and attributes).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> cum_sum(NodeContext& c) {
    return {c.make("CumSum", {c.input(0), c.input(1)},
                   Attributes{{"exclusive", c.attr_int("exclusive", 0) != 0},
                              {"reverse", c.attr_int("reverse", 0) != 0}})};
}

}  // namespace

ONNX_OP("CumSum", 11, cum_sum);

}  // namespace ovkit::onnx_frontend
