// ONNX ScatterElements (and the deprecated Scatter) -> ScatterElementsUpdate; ScatterND ->
// ScatterNDUpdate. ONNX reductions add/mul/min/max are OpenVINO's sum/prod/min/max.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::string reduction(NodeContext& c) {
    std::string r = c.attr_string("reduction", "none");
    if (r == "none" || r == "min" || r == "max") return r;
    if (r == "add") return "sum";
    if (r == "mul") return "prod";
    c.fail("unknown reduction '", r, "'");
}

std::vector<Output> scatter_elements(NodeContext& c) {
    return {c.make("ScatterElementsUpdate", {c.input(0), c.input(1), c.input(2), c.scalar_i64(c.attr_int("axis", 0))},
                   Attributes{{"reduction", reduction(c)}, {"use_init_val", true}})};
}
std::vector<Output> scatter_nd(NodeContext& c) {
    return {c.make("ScatterNDUpdate", {c.input(0), c.input(1), c.input(2)}, Attributes{{"reduction", reduction(c)}})};
}

}  // namespace
ONNX_OP("Scatter", 9, scatter_elements);
ONNX_OP("ScatterElements", 11, scatter_elements);
ONNX_OP("ScatterND", 11, scatter_nd);
}  // namespace ovkit::onnx_frontend
