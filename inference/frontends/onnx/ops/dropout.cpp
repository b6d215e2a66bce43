// ONNX Dropout at inference: the output is the input and the optional mask is all true.
// Training mode (opset 12+ input 2) drops random elements, which cannot be reproduced; it is
// accepted only when its ratio is 0 (nothing dropped).
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> with_mask(NodeContext& c) {
    Output x = c.input(0);
    if (!c.has_output(1)) return {x};
    Output shape = c.make("ShapeOf", {x}, Attributes{{"output_type", std::string("i64")}});
    Output mask = c.make("Broadcast", {c.constant(Tensor::from_vector(std::vector<bool>{true}, {})), shape});
    return {x, mask};
}

std::vector<Output> dropout_opset_1(NodeContext& c) { return with_mask(c); }

std::vector<Output> dropout_opset_12(NodeContext& c) {
    if (c.has_input(2)) {
        auto training = c.required_ints(c.input(2), "training_mode");
        const Tensor* ratio = c.has_input(1) ? c.constant_value(c.input(1)) : nullptr;
        bool ratio_zero = ratio && ratio->size() == 1 && ratio->as_double()[0] == 0.0;
        if (!training.empty() && training[0] != 0 && !ratio_zero)
            c.fail("training_mode drops random elements; only inference (training_mode false) is supported");
    }
    return with_mask(c);
}

}  // namespace
ONNX_OP("Dropout", 1, dropout_opset_1);
ONNX_OP("Dropout", 12, dropout_opset_12);
}  // namespace ovkit::onnx_frontend
