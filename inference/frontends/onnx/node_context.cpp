#include "node_context.h"

#include "graph_converter.h"

namespace ovkit::onnx_frontend {

NodeContext::NodeContext(const onnx::NodeProto& proto, int64_t opset, GraphConverter& graph)
    : proto_(proto), opset_(opset), graph_(graph) {
    name_ = proto.name().empty() ? (proto.output_size() ? proto.output(0) : proto.op_type()) : proto.name();
}

Model& NodeContext::model() const { return graph_.model(); }

Output NodeContext::input(size_t i) const {
    if (!has_input(i)) fail("input ", i, " is required but missing");
    return graph_.lookup(proto_.input(int(i)));
}

std::vector<Output> NodeContext::inputs() const {
    std::vector<Output> out;
    for (size_t i = 0; i < input_count(); ++i)
        if (has_input(i)) out.push_back(input(i));
    return out;
}

const onnx::AttributeProto* NodeContext::attr(const std::string& n) const {
    for (const auto& a : proto_.attribute())
        if (a.name() == n) return &a;
    return nullptr;
}

int64_t NodeContext::attr_int(const std::string& n, int64_t fallback) const {
    const auto* a = attr(n);
    return a ? a->i() : fallback;
}
int64_t NodeContext::attr_int(const std::string& n) const {
    const auto* a = attr(n);
    if (!a) fail("attribute '", n, "' is required");
    return a->i();
}
float NodeContext::attr_float(const std::string& n, float fallback) const {
    const auto* a = attr(n);
    return a ? a->f() : fallback;
}
std::string NodeContext::attr_string(const std::string& n, const std::string& fallback) const {
    const auto* a = attr(n);
    return a ? a->s() : fallback;
}
std::vector<int64_t> NodeContext::attr_ints(const std::string& n, const std::vector<int64_t>& fallback) const {
    const auto* a = attr(n);
    return a ? std::vector<int64_t>(a->ints().begin(), a->ints().end()) : fallback;
}
std::vector<float> NodeContext::attr_floats(const std::string& n, const std::vector<float>& fallback) const {
    const auto* a = attr(n);
    return a ? std::vector<float>(a->floats().begin(), a->floats().end()) : fallback;
}
std::vector<std::string> NodeContext::attr_strings(const std::string& n) const {
    const auto* a = attr(n);
    return a ? std::vector<std::string>(a->strings().begin(), a->strings().end()) : std::vector<std::string>{};
}
Tensor NodeContext::attr_tensor(const std::string& n) const {
    const auto* a = attr(n);
    if (!a || !a->has_t()) fail("tensor attribute '", n, "' is required");
    return tensor_from_onnx(a->t(), graph_.model_dir());
}
Subgraph NodeContext::attr_graph(const std::string& n) const {
    const auto* a = attr(n);
    if (!a || !a->has_g()) fail("graph attribute '", n, "' is required");
    GraphConverter sub(a->g(), graph_.opsets(), graph_.model_dir(), &graph_);
    return sub.convert_sub();
}

Node* NodeContext::make_node(const std::string& type, std::vector<Output> inputs, Attributes attrs,
                             size_t num_outputs) {
    return model().add(type, std::move(inputs), std::move(attrs), name_, num_outputs);
}

Output NodeContext::make(const std::string& type, std::vector<Output> inputs, Attributes attrs) {
    return make_node(type, std::move(inputs), std::move(attrs))->output(0);
}

Output NodeContext::constant(Tensor value) { return model().add_constant(std::move(value), name_ + "/const"); }

Output NodeContext::const_i64(const std::vector<int64_t>& values) {
    return constant(Tensor::from_vector(values, {int64_t(values.size())}));
}
Output NodeContext::scalar_i64(int64_t v) { return constant(Tensor::from_vector(std::vector<int64_t>{v}, {})); }
Output NodeContext::scalar(ElementType type, double v) { return constant(Tensor::from_double(type, {v}, {})); }

const Tensor* NodeContext::constant_value(Output o) const { return model().constant_value(o); }

std::vector<int64_t> NodeContext::required_ints(Output o, const char* what) const {
    const Tensor* v = constant_value(o);
    if (!v) fail(what, " must be a constant (computable when the model is read)");
    return v->as_int64();
}

}  // namespace ovkit::onnx_frontend
