#pragma once
// What an ONNX op translator sees: the node's inputs as graph outputs, its attributes, the
// opset in force, and helpers to add ovkit (OpenVINO-named) nodes to the model.
//
// One translator per ONNX op (or op family) lives in ops/<op>.cpp and registers with
//   ONNX_OP("Softmax", 1, softmax_opset_1);
//   ONNX_OP("Softmax", 13, softmax_opset_13);
// The highest registered version <= the model's opset is used.
#include <onnx/onnx_pb.h>

#include <memory>
#include <string>
#include <vector>

#include "ovkit/exception.h"
#include "ovkit/model.h"

namespace ovkit::onnx_frontend {

class GraphConverter;

// A converted subgraph (If branches, Loop/Scan bodies). Values the body reads from enclosing
// graphs become extra body parameters, after the graph's own inputs, fed by `captured`.
struct Subgraph {
    std::shared_ptr<Model> model;
    std::vector<Output> captured;
};

ElementType element_type_from_onnx(int32_t onnx_type, const std::string& where);
Tensor tensor_from_onnx(const onnx::TensorProto& t, const std::string& model_dir);

class NodeContext {
public:
    NodeContext(const onnx::NodeProto& proto, int64_t opset, GraphConverter& graph);

    const onnx::NodeProto& proto() const { return proto_; }
    const std::string& name() const { return name_; }
    const std::string& op_type() const { return proto_.op_type(); }
    int64_t opset() const { return opset_; }
    Model& model() const;

    // Inputs: an empty name marks an omitted optional input.
    size_t input_count() const { return size_t(proto_.input_size()); }
    bool has_input(size_t i) const { return i < input_count() && !proto_.input(int(i)).empty(); }
    Output input(size_t i) const;
    std::vector<Output> inputs() const;  // present inputs only
    size_t output_count() const { return size_t(proto_.output_size()); }
    bool has_output(size_t i) const { return i < output_count() && !proto_.output(int(i)).empty(); }

    bool has_attr(const std::string& n) const { return attr(n) != nullptr; }
    int64_t attr_int(const std::string& n, int64_t fallback) const;
    int64_t attr_int(const std::string& n) const;
    float attr_float(const std::string& n, float fallback) const;
    std::string attr_string(const std::string& n, const std::string& fallback) const;
    std::vector<int64_t> attr_ints(const std::string& n, const std::vector<int64_t>& fallback = {}) const;
    std::vector<float> attr_floats(const std::string& n, const std::vector<float>& fallback = {}) const;
    std::vector<std::string> attr_strings(const std::string& n) const;
    Tensor attr_tensor(const std::string& n) const;
    Subgraph attr_graph(const std::string& n) const;
    const onnx::AttributeProto* attr(const std::string& n) const;

    // Adds an ovkit node named after this ONNX node; returns output 0.
    Output make(const std::string& type, std::vector<Output> inputs, Attributes attrs = {});
    Node* make_node(const std::string& type, std::vector<Output> inputs, Attributes attrs = {},
                    size_t num_outputs = 1);
    Output constant(Tensor value);
    Output const_i64(const std::vector<int64_t>& values);  // 1-D
    Output scalar_i64(int64_t v);
    Output scalar(ElementType type, double v);              // 0-D of `type`
    // Compile-time value of an output if it has one (Constant and what folds from it).
    const Tensor* constant_value(Output o) const;
    std::vector<int64_t> required_ints(Output o, const char* what) const;

    template <typename... Args>
    [[noreturn]] void fail(const Args&... args) const {
        ::ovkit::fail(op_type(), " node '", name_, "': ", args...);
    }

private:
    const onnx::NodeProto& proto_;
    int64_t opset_;
    GraphConverter& graph_;
    std::string name_;
};

using Translator = std::vector<Output> (*)(NodeContext&);

struct TranslatorRegistration {
    TranslatorRegistration(const char* op_type, int since_version, Translator fn,
                           const char* domain = "");
};
const Translator* find_translator(const std::string& domain, const std::string& op_type, int64_t opset);

#define ONNX_OP(op_type, since, fn) \
    static const ::ovkit::onnx_frontend::TranslatorRegistration OVKIT_CAT(onnx_op_, __COUNTER__){op_type, since, fn}
#define ONNX_OP_DOMAIN(domain, op_type, since, fn)                                                   \
    static const ::ovkit::onnx_frontend::TranslatorRegistration OVKIT_CAT(onnx_op_, __COUNTER__){op_type, since, \
                                                                                           fn, domain}
#ifndef OVKIT_CAT
#define OVKIT_CAT2(a, b) a##b
#define OVKIT_CAT(a, b) OVKIT_CAT2(a, b)
#endif

}  // namespace ovkit::onnx_frontend
