#include "ovkit/model.h"

#include <algorithm>
#include <functional>
#include <set>

#include "ovkit/exception.h"
#include "ovkit/op_registry.h"

namespace ovkit {

namespace {
// Outputs larger than this are left to run time instead of being folded at compile time.
constexpr int64_t kMaxFoldElements = int64_t(1) << 24;
}

ElementType Output::type() const { return node->outputs.at(index).type; }
const PartialShape& Output::shape() const { return node->outputs.at(index).shape; }

std::string Node::describe() const { return type + " node '" + name + "'"; }

std::string Model::unique_name(const std::string& wanted, const std::string& type) {
    std::string base = wanted.empty() ? type + "_" + std::to_string(counter_++) : wanted;
    std::string n = base;
    while (by_name_.count(n)) n = base + "_" + std::to_string(counter_++);
    return n;
}

Node* Model::create(const std::string& type, std::vector<Output> inputs, Attributes attrs,
                    const std::string& name) {
    const OpDef* def = OpRegistry::find(type);
    if (!def) fail("Unknown operation type '", type, "' for node '", name, "'");
    auto n = std::make_shared<Node>();
    n->type = type;
    n->version = def->version;
    n->def = def;
    n->inputs = std::move(inputs);
    n->attrs = std::move(attrs);
    n->name = unique_name(name, type);
    for (size_t i = 0; i < n->inputs.size(); ++i)
        check(bool(n->inputs[i]), "Input ", i, " of ", n->describe(), " is not connected");
    by_name_[n->name] = n.get();
    nodes_.push_back(n);
    return n.get();
}

Node* Model::add(const std::string& type, std::vector<Output> inputs, Attributes attrs,
                 const std::string& name, size_t num_outputs) {
    Node* n = create(type, std::move(inputs), std::move(attrs), name);
    n->outputs.resize(num_outputs);
    validate(*n);
    return n;
}

Node* Model::add_parameter(const std::string& name, ElementType type, PartialShape shape) {
    Node* n = create("Parameter", {},
                     Attributes{{"shape", shape.to_string()}, {"element_type", std::string(type_name(type))}},
                     name);
    n->outputs.resize(1);
    n->outputs[0].names = {name};
    validate(*n);
    parameters_.push_back(n);
    return n;
}

Output Model::add_constant(Tensor value, const std::string& name) {
    Node* n = create("Constant", {}, {}, name);
    n->attrs.set("element_type", std::string(type_name(value.type())));
    n->attrs.set("shape", value.shape());
    n->value = std::move(value);
    n->outputs.resize(1);
    validate(*n);
    return n->output(0);
}

Node* Model::add_result(Output value, const std::string& name) {
    Node* n = create("Result", {value}, {}, name);
    n->outputs.resize(1);
    validate(*n);
    results_.push_back(n);
    return n;
}

Node* Model::find(const std::string& node_name) const {
    auto it = by_name_.find(node_name);
    return it == by_name_.end() ? nullptr : it->second;
}

void Model::validate(Node& n) {
    ShapeContext ctx{n, {}, {}, {}, {}, {}};
    for (size_t i = 0; i < n.inputs.size(); ++i) {
        ctx.in_types.push_back(n.inputs[i].type());
        ctx.in_shapes.push_back(n.inputs[i].shape());
        ctx.in_values.push_back(constant_value(n.inputs[i]));
    }
    ctx.out_types.resize(n.outputs.size());
    ctx.out_shapes.resize(n.outputs.size());
    const OpDef* def = n.def;
    if (int(n.inputs.size()) < def->min_inputs || int(n.inputs.size()) > def->max_inputs)
        fail(n.describe(), " has ", n.inputs.size(), " inputs; expected ", def->min_inputs,
             def->max_inputs == def->min_inputs ? "" : " or more");
    if (def->infer) {
        try {
            def->infer(ctx);
        } catch (const Exception& e) {
            // A subgraph body is built before its untyped parameters (ONNX Loop bodies) get
            // their types from the outer node; its nodes are inferred again once they have.
            bool untyped_input = std::find(ctx.in_types.begin(), ctx.in_types.end(), ElementType::undefined) !=
                                 ctx.in_types.end();
            if (!untyped_input) {
                std::string msg = e.what();
                if (msg.find("'" + n.name + "'") == std::string::npos) msg = n.describe() + ": " + msg;
                throw Exception(msg);
            }
            for (size_t i = 0; i < ctx.out_types.size(); ++i) ctx.set_output(i, ElementType::undefined, PartialShape());
        }
    }
    if (n.outputs.size() < ctx.out_types.size()) n.outputs.resize(ctx.out_types.size());
    for (size_t i = 0; i < ctx.out_types.size(); ++i) {
        n.outputs[i].type = ctx.out_types[i];
        n.outputs[i].shape = ctx.out_shapes[i];
    }
}

void Model::validate_all() {
    folded_.clear();
    for (auto& n : nodes_) validate(*n);
}

const Tensor* Model::constant_value(Output o) {
    Node* n = o.node;
    if (n->type == "Constant") return &n->value;
    auto it = folded_.find(o);
    if (it != folded_.end()) return it->second ? &it->second : nullptr;
    Tensor& slot = folded_[o];  // empty marks "not foldable" while we work
    if (n->type == "ShapeOf" && n->inputs.size() == 1 && n->input_shape(0).is_static()) {
        Shape s = n->input_shape(0).to_shape();
        slot = Tensor::from_int64(n->outputs[0].type, std::vector<int64_t>(s.begin(), s.end()),
                                  {int64_t(s.size())});
        return &slot;
    }
    if (!n->def || !n->def->foldable || !n->def->reference || !n->bodies.empty()) return nullptr;
    std::vector<Tensor> inputs;
    for (const Output& in : n->inputs) {
        const Tensor* v = constant_value(in);
        if (!v) return nullptr;
        inputs.push_back(*v);
    }
    for (const auto& p : n->outputs)
        if (!p.shape.is_static() || shape_size(p.shape.to_shape()) > kMaxFoldElements) {
            if (!p.shape.is_static() && p.shape.rank_is_static()) continue;  // data-dependent: try
            return nullptr;
        }
    std::vector<Tensor> outputs(n->outputs.size());
    for (size_t i = 0; i < outputs.size(); ++i)
        if (n->outputs[i].shape.is_static())
            outputs[i] = Tensor(n->outputs[i].type, n->outputs[i].shape.to_shape());
    EvalContext ctx;
    try {
        n->def->reference(*n, inputs, outputs, ctx);
    } catch (const Exception&) {
        return nullptr;  // the error surfaces again at run time, with its context
    }
    for (size_t i = 0; i < outputs.size(); ++i) {
        if (!outputs[i]) return nullptr;
        folded_[Output{n, i}] = outputs[i];
    }
    Tensor& result = folded_[o];
    return result ? &result : nullptr;
}

void Model::replace_uses(Output from, Output to) {
    for (auto& n : nodes_)
        for (auto& in : n->inputs)
            if (in == from) in = to;
}

void Model::cleanup() {
    folded_.clear();
    std::vector<std::shared_ptr<Node>> order;
    std::set<Node*> done;
    std::map<Node*, std::shared_ptr<Node>> owner;
    for (auto& n : nodes_) owner[n.get()] = n;
    // Iterative DFS: models can be deep chains.
    auto visit = [&](Node* root) {
        std::vector<std::pair<Node*, size_t>> stack{{root, 0}};
        std::set<Node*> on_stack{root};
        while (!stack.empty()) {
            auto& [n, next] = stack.back();
            if (done.count(n)) {
                stack.pop_back();
                continue;
            }
            if (next < n->inputs.size()) {
                Node* in = n->inputs[next++].node;
                if (!done.count(in)) {
                    if (on_stack.count(in)) fail("Model '", name, "' has a cycle through ", in->describe());
                    on_stack.insert(in);
                    stack.push_back({in, 0});
                }
                continue;
            }
            done.insert(n);
            on_stack.erase(n);
            order.push_back(owner.at(n));
            stack.pop_back();
        }
    };
    for (Node* p : parameters_) visit(p);
    for (Node* r : results_) visit(r);
    for (Node* s : sinks_) visit(s);
    for (auto& n : nodes_)
        if (!done.count(n.get())) by_name_.erase(n->name);
    nodes_ = std::move(order);
}

std::shared_ptr<Model> Model::clone() const {
    auto m = std::make_shared<Model>();
    m->name = name;
    m->counter_ = counter_;
    std::map<const Node*, Node*> map;
    for (const auto& n : nodes_) {
        auto c = std::make_shared<Node>(*n);
        for (auto& in : c->inputs) in.node = map.at(in.node);
        for (auto& b : c->bodies) b = b->clone();
        map[n.get()] = c.get();
        m->by_name_[c->name] = c.get();
        m->nodes_.push_back(c);
    }
    for (Node* p : parameters_) m->parameters_.push_back(map.at(p));
    for (Node* r : results_) m->results_.push_back(map.at(r));
    for (Node* s : sinks_) m->sinks_.push_back(map.at(s));
    return m;
}

}  // namespace ovkit
