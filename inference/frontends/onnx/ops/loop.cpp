// ONNX Loop -> Loop. The body signature (iteration_num, cond, carried...) ->
// (cond, carried..., scan...) maps to: parameter 0 = current iteration, parameter 1 merged
// with the condition result, carried values merged with their results, captured outer
// values invariant; scan outputs are unsqueezed and concatenated along axis 0.
#include "subgraph_utils.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> loop(NodeContext& c) {
    Subgraph body = c.attr_graph("body");
    Model& m = *body.model;
    if (c.input_count() < 2) c.fail("needs at least the M and cond inputs (possibly empty), has ", c.input_count());
    size_t carried = c.input_count() - 2;
    size_t own_params = m.parameters().size() - body.captured.size();
    if (own_params != 2 + carried)
        c.fail("body takes ", own_params, " inputs; expected 2 + ", carried, " loop-carried values");
    if (m.results().size() < 1 + carried)
        c.fail("body returns ", m.results().size(), " values; expected at least 1 + ", carried);
    size_t scans = m.results().size() - 1 - carried;

    std::vector<Output> inputs{c.has_input(0) ? c.input(0) : c.scalar_i64(-1),
                               c.has_input(1) ? c.input(1) : c.constant(Tensor::from_vector(std::vector<bool>{true}, {}))};
    std::vector<BodyInput> body_inputs{merged_input(1, 1, 0)};
    for (size_t k = 0; k < carried; ++k) {
        inputs.push_back(c.input(2 + k));
        body_inputs.push_back(merged_input(2 + k, 2 + k, 1 + k));
    }
    for (size_t i = 0; i < body.captured.size(); ++i)
        body_inputs.push_back(invariant_input(input_port(inputs, body.captured[i]), own_params + i));
    std::vector<BodyOutput> body_outputs;
    for (size_t k = 0; k < carried; ++k) body_outputs.push_back(body_output(k, 1 + k));
    for (size_t s = 0; s < scans; ++s) {
        unsqueeze_result(m, 1 + carried + s, {0});
        body_outputs.push_back(body_output(carried + s, 1 + carried + s, 0));
    }
    Attributes attrs{{"current_iteration_input_idx", int64_t(0)}, {"body_condition_output_idx", int64_t(0)}};
    return add_subgraph_op(c, "Loop", std::move(inputs), std::move(attrs), {body.model}, std::move(body_inputs),
                           std::move(body_outputs), carried + scans);
}

}  // namespace

ONNX_OP("Loop", 1, loop);

}  // namespace ovkit::onnx_frontend
