// ONNX If -> If. ONNX branches take no inputs: the outer values they read (captured by the
// subgraph converter as extra body parameters) become the If's inputs after the condition.
#include "subgraph_utils.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> if_op(NodeContext& c) {
    Subgraph branches[2] = {c.attr_graph("then_branch"), c.attr_graph("else_branch")};
    std::vector<Output> inputs{c.input(0)};
    std::vector<BodyInput> body_inputs;
    std::vector<BodyOutput> body_outputs;
    size_t outputs = c.output_count();
    for (int64_t b = 0; b < 2; ++b) {
        const Subgraph& g = branches[b];
        size_t first = g.model->parameters().size() - g.captured.size();
        if (first != 0) c.fail(b ? "else" : "then", "_branch declares ", first, " inputs; If branches take none");
        for (size_t i = 0; i < g.captured.size(); ++i)
            body_inputs.push_back({b, int64_t(input_port(inputs, g.captured[i])), int64_t(i)});
        if (g.model->results().size() != outputs)
            c.fail(b ? "else" : "then", "_branch has ", g.model->results().size(), " outputs, the node ", outputs);
        for (size_t j = 0; j < outputs; ++j) body_outputs.push_back({b, int64_t(j), int64_t(j)});
    }
    return add_subgraph_op(c, "If", std::move(inputs), {}, {branches[0].model, branches[1].model},
                           std::move(body_inputs), std::move(body_outputs), outputs);
}

}  // namespace

ONNX_OP("If", 1, if_op);

}  // namespace ovkit::onnx_frontend
