#pragma once
// Converts one ONNX graph (the main graph or a subgraph) into an ovkit Model, resolving
// names through the enclosing graphs' scopes.
#include <map>

#include "node_context.h"

namespace ovkit::onnx_frontend {

class GraphConverter {
public:
    GraphConverter(const onnx::GraphProto& graph, std::map<std::string, int64_t> opsets,
                   std::string model_dir, GraphConverter* parent);
    // Main graph: inputs become parameters (initializer-backed inputs become constants).
    std::shared_ptr<Model> convert_main();
    // Subgraph: its inputs become the first parameters; outer values read by the body are
    // appended as parameters and reported as captured.
    Subgraph convert_sub();

    Model& model() { return *model_; }
    Output lookup(const std::string& name);  // throws naming the value
    int64_t opset(const std::string& domain) const;
    const std::string& model_dir() const { return model_dir_; }
    const std::map<std::string, int64_t>& opsets() const { return opsets_; }

private:
    bool try_lookup(const std::string& name, Output& out);
    void convert_nodes();
    void add_outputs();

    const onnx::GraphProto& graph_;
    std::map<std::string, int64_t> opsets_;
    std::string model_dir_;
    GraphConverter* parent_;
    std::shared_ptr<Model> model_;
    std::map<std::string, Output> values_;
    std::vector<Output> captured_;
};

// Op types (subgraphs included) without a translator, one line each with their nodes.
std::vector<std::string> unsupported_nodes(const onnx::GraphProto& graph, const std::map<std::string, int64_t>& opsets);

}  // namespace ovkit::onnx_frontend
