#include "subgraph_utils.h"

#include <algorithm>

namespace ovkit::onnx_frontend {

namespace {
Output axes_constant(Model& body, const std::vector<int64_t>& axes) {
    return body.add_constant(Tensor::from_vector(axes, {int64_t(axes.size())}));
}
}  // namespace

size_t input_port(std::vector<Output>& inputs, Output value) {
    auto it = std::find(inputs.begin(), inputs.end(), value);
    if (it != inputs.end()) return size_t(it - inputs.begin());
    inputs.push_back(value);
    return inputs.size() - 1;
}

void squeeze_parameter(Model& body, size_t index, const std::vector<int64_t>& axes) {
    Node* old = body.parameters().at(index);
    const Port& port = old->outputs[0];
    PartialShape shape = PartialShape::dynamic();
    if (port.shape.rank_is_static()) {
        std::vector<Dimension> dims = port.shape.dims();
        std::vector<int64_t> sorted = axes;
        std::sort(sorted.begin(), sorted.end());
        for (int64_t a : sorted) dims.insert(dims.begin() + std::min<int64_t>(a, int64_t(dims.size())), Dimension(1));
        shape = PartialShape(dims);
    }
    Node* p = body.add_parameter(old->name, port.type, shape);
    p->outputs[0].names = port.names;
    body.parameters().pop_back();
    body.parameters()[index] = p;
    Node* squeeze = body.add("Squeeze", {p->output(0), axes_constant(body, axes)});
    body.replace_uses(old->output(0), squeeze->output(0));
}

void unsqueeze_result(Model& body, size_t index, const std::vector<int64_t>& axes) {
    Node* r = body.results().at(index);
    r->inputs[0] = body.add("Unsqueeze", {r->inputs[0], axes_constant(body, axes)})->output(0);
}

std::vector<Output> add_subgraph_op(NodeContext& c, const std::string& type, std::vector<Output> inputs,
                                    Attributes attrs, std::vector<std::shared_ptr<Model>> bodies,
                                    std::vector<BodyInput> body_inputs, std::vector<BodyOutput> body_outputs,
                                    size_t num_outputs) {
    for (auto& b : bodies) {
        b->cleanup();
        b->validate_all();
    }
    Node* n = c.model().add_with(type, std::move(inputs), std::move(attrs), c.name(), [&](Node& node) {
        node.bodies = std::move(bodies);
        node.body_inputs = std::move(body_inputs);
        node.body_outputs = std::move(body_outputs);
        node.outputs.resize(num_outputs);
    });
    std::vector<Output> outs;
    for (size_t i = 0; i < num_outputs; ++i) outs.push_back(n->output(i));
    return outs;
}

}  // namespace ovkit::onnx_frontend
