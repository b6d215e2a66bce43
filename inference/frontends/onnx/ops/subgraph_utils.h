#pragma once
// What the ONNX control-flow translators (If, Loop, Scan) share: building a subgraph op from
// converted bodies, and adapting a body where ONNX and OpenVINO port semantics differ.
#include "../node_context.h"

namespace ovkit::onnx_frontend {

// Port map entries for body 0 (Loop, TensorIterator).
inline BodyInput invariant_input(size_t external, size_t parameter) {
    BodyInput b;
    b.external_port = int64_t(external);
    b.body_parameter = int64_t(parameter);
    return b;
}
inline BodyInput merged_input(size_t external, size_t parameter, size_t result) {
    BodyInput b = invariant_input(external, parameter);
    b.back_edge_result = int64_t(result);
    return b;
}
// One element per iteration along `axis`, last to first when `reverse`.
inline BodyInput sliced_input(size_t external, size_t parameter, int64_t axis, bool reverse) {
    BodyInput b = invariant_input(external, parameter);
    b.axis = axis;
    b.start = reverse ? -1 : 0;
    b.end = reverse ? 0 : -1;
    b.stride = reverse ? -1 : 1;
    return b;
}
// axis < 0: the last iteration's value; else values concatenated along axis.
inline BodyOutput body_output(size_t external, size_t result, int64_t axis = -1, bool reverse = false) {
    BodyOutput b;
    b.external_port = int64_t(external);
    b.body_result = int64_t(result);
    b.axis = axis;
    b.stride = reverse ? -1 : 1;
    return b;
}

// Index of `value` in `inputs`, appending it when absent (outer values several bodies read
// become one input).
size_t input_port(std::vector<Output>& inputs, Output value);

// Replaces body parameter `index` by one with size-1 dimensions inserted at `axes`, feeding
// Squeeze(axes) to the old parameter's users (OpenVINO slices keep the sliced axis).
void squeeze_parameter(Model& body, size_t index, const std::vector<int64_t>& axes);

// Makes body result `index` return Unsqueeze(value, axes) (ONNX stacks per-iteration values
// along a new axis; OpenVINO concatenates along an existing one).
void unsqueeze_result(Model& body, size_t index, const std::vector<int64_t>& axes);

// Adds `type` with its bodies and port maps; returns its `num_outputs` outputs. Call after
// the last body edit: it restores each body's order and re-infers it.
std::vector<Output> add_subgraph_op(NodeContext& c, const std::string& type, std::vector<Output> inputs,
                                    Attributes attrs, std::vector<std::shared_ptr<Model>> bodies,
                                    std::vector<BodyInput> body_inputs, std::vector<BodyOutput> body_outputs,
                                    size_t num_outputs);

}  // namespace ovkit::onnx_frontend
