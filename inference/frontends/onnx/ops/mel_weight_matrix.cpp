// ONNX MelWeightMatrix (opset 17) -> ovkit's MelWeightMatrix.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> mel_weight_matrix(NodeContext& c) {
    const ElementType type = element_type_from_onnx(int32_t(c.attr_int("output_datatype", 1)), c.name());
    return {c.make("MelWeightMatrix", {c.input(0), c.input(1), c.input(2), c.input(3), c.input(4)},
                   Attributes{{"output_type", std::string(type_name(type))}})};
}

}  // namespace

ONNX_OP("MelWeightMatrix", 17, mel_weight_matrix);

}  // namespace ovkit::onnx_frontend
