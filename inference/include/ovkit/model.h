#pragma once
// The graph: nodes typed and named as OpenVINO opsets name them, connected output-to-input.
// Nodes are kept in topological order; each node's output types and shapes are inferred
// when it is added.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ovkit/attributes.h"
#include "ovkit/shape.h"
#include "ovkit/tensor.h"

namespace ovkit {

class Node;
class Model;
struct OpDef;

// One output port of a node.
struct Output {
    Node* node = nullptr;
    size_t index = 0;
    explicit operator bool() const { return node != nullptr; }
    bool operator==(const Output& o) const { return node == o.node && index == o.index; }
    bool operator<(const Output& o) const {
        return node != o.node ? node < o.node : index < o.index;
    }
    ElementType type() const;
    const PartialShape& shape() const;
};

struct Port {
    ElementType type = ElementType::undefined;
    PartialShape shape;
    std::vector<std::string> names;  // tensor names (ONNX value names, IR port names)
};

// How the outer inputs/outputs of a subgraph op (If, Loop, TensorIterator) map to its
// bodies' Parameters and Results; mirrors the IR's <port_map> / <back_edges>.
struct BodyInput {
    int64_t body = 0;            // which body (If: 0 then, 1 else)
    int64_t external_port = 0;   // node input index
    int64_t body_parameter = 0;  // index into the body's parameters
    int64_t axis = -1;           // >= 0: sliced along axis per iteration
    int64_t start = 0, stride = 1, part_size = 1, end = -1;
    int64_t back_edge_result = -1;  // >= 0: merged; next iteration reads this body result

    // Sliced inputs over a dimension of size `dim`: negative start/end count from the end,
    // both borders are included, a negative stride walks backwards.
    int64_t first(int64_t dim) const { return start < 0 ? start + dim : start; }
    int64_t last(int64_t dim) const { return end < 0 ? end + dim : end; }
    int64_t iterations(int64_t dim) const {
        int64_t span = (last(dim) > first(dim) ? last(dim) - first(dim) : first(dim) - last(dim)) + 1;
        int64_t step = stride < 0 ? -stride : stride;
        return span < part_size || step == 0 ? 0 : (span - part_size) / step + 1;
    }
    // Where the part_size elements of iteration k begin.
    int64_t offset(int64_t k, int64_t dim) const {
        return stride > 0 ? first(dim) + k * stride : first(dim) + k * stride - part_size + 1;
    }
};
struct BodyOutput {
    int64_t body = 0;
    int64_t external_port = 0;  // node output index
    int64_t body_result = 0;    // index into the body's results
    int64_t axis = -1;          // >= 0: per-iteration values concatenated along axis
    int64_t start = 0, stride = 1, part_size = 1, end = -1;
};

class Node {
public:
    std::string type;  // "Convolution"
    std::string version = "opset1";
    std::string name;  // friendly name, unique within the model
    std::vector<Output> inputs;
    std::vector<Port> outputs;
    Attributes attrs;
    Tensor value;  // Constant only
    std::vector<std::shared_ptr<Model>> bodies;
    std::vector<BodyInput> body_inputs;
    std::vector<BodyOutput> body_outputs;
    const OpDef* def = nullptr;

    Output output(size_t i = 0) { return Output{this, i}; }
    size_t input_count() const { return inputs.size(); }
    ElementType input_type(size_t i) const { return inputs.at(i).type(); }
    const PartialShape& input_shape(size_t i) const { return inputs.at(i).shape(); }
    std::string describe() const;  // "Add node 'add_3'"
};

class Model {
public:
    std::string name;

    Node* add_parameter(const std::string& name, ElementType type, PartialShape shape);
    Output add_constant(Tensor value, const std::string& name = "");
    Node* add_result(Output value, const std::string& name = "");
    // Adds a node and infers its outputs. `type` must be a registered op. The name is made
    // unique if empty or taken.
    Node* add(const std::string& type, std::vector<Output> inputs, Attributes attrs = {},
              const std::string& name = "", size_t num_outputs = 1);
    // Adds a node whose bodies and port maps are set by `setup` before inference.
    template <typename Setup>
    Node* add_with(const std::string& type, std::vector<Output> inputs, Attributes attrs,
                   const std::string& name, Setup&& setup) {
        Node* n = create(type, std::move(inputs), std::move(attrs), name);
        setup(*n);
        validate(*n);
        return n;
    }
    // ReadValue/Assign: Assign nodes are sinks, kept alive without a Result.
    void add_sink(Node* n) { sinks_.push_back(n); }

    const std::vector<std::shared_ptr<Node>>& nodes() const { return nodes_; }
    const std::vector<Node*>& parameters() const { return parameters_; }
    const std::vector<Node*>& results() const { return results_; }
    const std::vector<Node*>& sinks() const { return sinks_; }
    std::vector<Node*>& parameters() { return parameters_; }
    std::vector<Node*>& results() { return results_; }
    Node* find(const std::string& node_name) const;

    // Re-infers every node in order (after a parameter's shape changed).
    void validate_all();
    void validate(Node& n);
    // Drops nodes no result or sink depends on, and restores topological order.
    void cleanup();
    // Value of an output computable at compile time (Constant, ShapeOf of a static
    // shape, and anything computed from those), or null. Cached per output.
    const Tensor* constant_value(Output o);
    std::shared_ptr<Model> clone() const;
    // Replaces every use of `from` (inputs and results) with `to`.
    void replace_uses(Output from, Output to);

private:
    Node* create(const std::string& type, std::vector<Output> inputs, Attributes attrs,
                 const std::string& name);
    std::string unique_name(const std::string& wanted, const std::string& type);
    std::vector<std::shared_ptr<Node>> nodes_;
    std::vector<Node*> parameters_, results_, sinks_;
    std::map<std::string, Node*> by_name_;
    std::map<Output, Tensor> folded_;
    size_t counter_ = 0;
};

}  // namespace ovkit
