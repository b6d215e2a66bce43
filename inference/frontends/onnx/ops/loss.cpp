// ONNX NegativeLogLikelihoodLoss -> NegativeLogLikelihoodLoss (ovkit's own op, same
// semantics); SoftmaxCrossEntropyLoss -> LogSoftmax over the class axis, then that loss.
// Its optional second output is the log-probabilities.
#include "../node_context.h"

namespace ovkit::onnx_frontend {
namespace {

Output nll(NodeContext& c, Output log_prob) {
    std::vector<Output> inputs{log_prob, c.input(1)};
    if (c.has_input(2)) inputs.push_back(c.input(2));
    Attributes attrs{{"reduction", c.attr_string("reduction", "mean")}};
    if (c.has_attr("ignore_index")) attrs.set("ignore_index", c.attr_int("ignore_index"));
    return c.make("NegativeLogLikelihoodLoss", inputs, attrs);
}

std::vector<Output> negative_log_likelihood_loss(NodeContext& c) { return {nll(c, c.input(0))}; }

std::vector<Output> softmax_cross_entropy_loss(NodeContext& c) {
    Output log_prob = c.make("LogSoftmax", {c.input(0)}, Attributes{{"axis", int64_t(1)}});
    return {nll(c, log_prob), log_prob};
}

}  // namespace

ONNX_OP("NegativeLogLikelihoodLoss", 12, negative_log_likelihood_loss);
ONNX_OP("SoftmaxCrossEntropyLoss", 12, softmax_cross_entropy_loss);

}  // namespace ovkit::onnx_frontend
