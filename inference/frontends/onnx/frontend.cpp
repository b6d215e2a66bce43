// Reads an .onnx file (protobuf from Debian's libonnx-dev) into an ovkit Model.
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>

#include "graph_converter.h"
#include "ovkit/device.h"

namespace ovkit::onnx_frontend {

namespace {

struct TranslatorEntry {
    int since;
    Translator fn;
};
std::map<std::string, std::vector<TranslatorEntry>>& translators() {
    static std::map<std::string, std::vector<TranslatorEntry>> t;
    return t;
}
std::string key(const std::string& domain, const std::string& op) {
    return (domain == "ai.onnx" ? std::string() : domain) + "::" + op;
}

PartialShape shape_from_type(const onnx::TypeProto& type) {
    const auto& tt = type.tensor_type();
    if (!tt.has_shape()) return PartialShape();
    std::vector<Dimension> dims;
    for (const auto& d : tt.shape().dim())
        dims.push_back(d.has_dim_value() ? Dimension(d.dim_value()) : Dimension::dynamic());
    return PartialShape(dims);
}

}  // namespace

TranslatorRegistration::TranslatorRegistration(const char* op_type, int since_version, Translator fn,
                                               const char* domain) {
    translators()[key(domain, op_type)].push_back({since_version, fn});
}

const Translator* find_translator(const std::string& domain, const std::string& op_type, int64_t opset) {
    auto it = translators().find(key(domain, op_type));
    if (it == translators().end()) return nullptr;
    const TranslatorEntry* best = nullptr;
    for (const auto& e : it->second)
        if (e.since <= opset && (!best || e.since > best->since)) best = &e;
    return best ? &best->fn : nullptr;
}

GraphConverter::GraphConverter(const onnx::GraphProto& graph, std::map<std::string, int64_t> opsets,
                               std::string model_dir, GraphConverter* parent)
    : graph_(graph), opsets_(std::move(opsets)), model_dir_(std::move(model_dir)), parent_(parent),
      model_(std::make_shared<Model>()) {
    model_->name = graph.name();
}

int64_t GraphConverter::opset(const std::string& domain) const {
    auto it = opsets_.find(domain == "ai.onnx" ? "" : domain);
    return it == opsets_.end() ? 1 : it->second;
}

bool GraphConverter::try_lookup(const std::string& name, Output& out) {
    auto it = values_.find(name);
    if (it != values_.end()) {
        out = it->second;
        return true;
    }
    if (!parent_) return false;
    Output outer;
    if (!parent_->try_lookup(name, outer)) return false;
    Node* p = model_->add_parameter(name, outer.type(), outer.shape());
    captured_.push_back(outer);
    out = values_[name] = p->output(0);
    return true;
}

Output GraphConverter::lookup(const std::string& name) {
    Output o;
    if (!try_lookup(name, o)) fail("Value '", name, "' is used before it is defined in graph '", graph_.name(), "'");
    return o;
}

std::shared_ptr<Model> GraphConverter::convert_main() {
    std::map<std::string, const onnx::TensorProto*> initializers;
    for (const auto& t : graph_.initializer()) initializers[t.name()] = &t;
    for (const auto& in : graph_.input()) {
        if (initializers.count(in.name())) continue;
        check(in.type().has_tensor_type(), "Graph input '", in.name(), "' is not a tensor; only tensor inputs are supported");
        ElementType t = element_type_from_onnx(in.type().tensor_type().elem_type(), "graph input '" + in.name() + "'");
        values_[in.name()] = model_->add_parameter(in.name(), t, shape_from_type(in.type()))->output(0);
    }
    for (const auto& t : graph_.initializer())
        values_[t.name()] = model_->add_constant(tensor_from_onnx(t, model_dir_), t.name());
    convert_nodes();
    add_outputs();
    model_->cleanup();
    return model_;
}

Subgraph GraphConverter::convert_sub() {
    for (const auto& in : graph_.input()) {
        ElementType t = ElementType::undefined;
        PartialShape s;
        if (in.type().has_tensor_type()) {
            t = element_type_from_onnx(in.type().tensor_type().elem_type(), "subgraph input '" + in.name() + "'");
            s = shape_from_type(in.type());
        }
        values_[in.name()] = model_->add_parameter(in.name(), t, s)->output(0);
    }
    for (const auto& t : graph_.initializer())
        values_[t.name()] = model_->add_constant(tensor_from_onnx(t, model_dir_), t.name());
    convert_nodes();
    add_outputs();
    return Subgraph{model_, captured_};
}

void GraphConverter::convert_nodes() {
    for (const auto& node : graph_.node()) {
        int64_t version = opset(node.domain());
        const Translator* tr = find_translator(node.domain(), node.op_type(), version);
        NodeContext ctx(node, version, *this);
        if (!tr) ctx.fail("operation is not supported (opset ", version, ")");
        std::vector<Output> outs = (*tr)(ctx);
        for (int i = 0; i < node.output_size(); ++i) {
            const std::string& out_name = node.output(i);
            if (out_name.empty()) continue;
            if (size_t(i) >= outs.size()) {
                // Optional outputs a translator does not produce (e.g. Dropout's mask) stay unset
                // until something reads them.
                continue;
            }
            values_[out_name] = outs[size_t(i)];
            auto& names = outs[size_t(i)].node->outputs[outs[size_t(i)].index].names;
            names.push_back(out_name);
        }
    }
}

void GraphConverter::add_outputs() {
    for (const auto& out : graph_.output()) {
        Output v = lookup(out.name());
        Node* r = model_->add_result(v, out.name());
        r->outputs[0].names = {out.name()};
    }
}

std::vector<std::string> unsupported_nodes(const onnx::GraphProto& graph, const std::map<std::string, int64_t>& opsets) {
    // Grouped by op type so that a model with hundreds of nodes of one missing op reads as
    // one line: "Bernoulli (opset 15): 2 nodes 'a', 'b'".
    std::map<std::string, std::vector<std::string>> by_op;
    std::function<void(const onnx::GraphProto&)> walk = [&](const onnx::GraphProto& g) {
        for (const auto& node : g.node()) {
            auto it = opsets.find(node.domain() == "ai.onnx" ? "" : node.domain());
            int64_t version = it == opsets.end() ? 1 : it->second;
            if (!find_translator(node.domain(), node.op_type(), version))
                by_op[(node.domain().empty() ? "" : node.domain() + ".") + node.op_type() + " (opset " +
                      std::to_string(version) + ")"]
                    .push_back(node.name().empty() ? (node.output_size() ? node.output(0) : "") : node.name());
            for (const auto& a : node.attribute()) {
                if (a.has_g()) walk(a.g());
                for (const auto& sub : a.graphs()) walk(sub);
            }
        }
    };
    walk(graph);
    std::vector<std::string> out;
    for (const auto& [op, nodes] : by_op) {
        std::string line = op + ": " + std::to_string(nodes.size()) + " node" + (nodes.size() > 1 ? "s " : " ");
        for (size_t i = 0; i < nodes.size(); ++i) line += (i ? ", '" : "'") + nodes[i] + "'";
        out.push_back(line);
    }
    return out;
}

std::shared_ptr<Model> read_onnx(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    check(bool(f), "Cannot open ONNX model '", path, "'");
    onnx::ModelProto proto;
    if (!proto.ParseFromIstream(&f) || !proto.has_graph())
        fail("ONNX model '", path, "' is not a valid ONNX protobuf (truncated or not an ONNX file)");
    std::map<std::string, int64_t> opsets;
    for (const auto& o : proto.opset_import()) opsets[o.domain() == "ai.onnx" ? "" : o.domain()] = o.version();
    if (!opsets.count("")) opsets[""] = proto.ir_version() < 3 ? 1 : 7;
    auto missing = unsupported_nodes(proto.graph(), opsets);
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : "; ") + m;
        fail("ONNX model '", path, "' uses ", missing.size(), " unsupported operation type(s): ", list);
    }
    std::string dir = std::filesystem::path(path).parent_path().string();
    GraphConverter conv(proto.graph(), opsets, dir, nullptr);
    try {
        auto m = conv.convert_main();
        if (m->name.empty()) m->name = std::filesystem::path(path).stem().string();
        return m;
    } catch (const Exception& e) {
        fail("ONNX model '", path, "': ", e.what());
    }
}

namespace {
const FrontendRegistration onnx_registration(".onnx", [](const std::string& path, const std::string&) {
    return read_onnx(path);
});
}

}  // namespace ovkit::onnx_frontend
