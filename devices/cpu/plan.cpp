#include "plan.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "ovkit/exception.h"

namespace ovkit::cpu {
namespace {

constexpr size_t kAlign = 64;
size_t align_up(size_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

std::shared_ptr<void> aligned_buffer(size_t bytes) {
    void* p = std::aligned_alloc(kAlign, align_up(std::max<size_t>(bytes, 1)));
    if (!p) throw std::bad_alloc();
    return std::shared_ptr<void>(p, std::free);
}

// The fallback: the op's reference kernel. Outputs of static shape are written into the
// arena (zeroed first: reference kernels may accumulate); others are inferred per run.
struct ReferenceStep : Step {
    std::vector<bool> static_out;
    std::function<void()> bind(Frame& f) const override {
        const Node& n = *node;
        Frame* frame = &f;
        auto ins = std::make_shared<std::vector<Tensor>>(inputs.size());
        auto outs = std::make_shared<std::vector<Tensor>>(outputs.size());
        return [this, frame, ins, outs, &n] {
            for (size_t i = 0; i < inputs.size(); ++i) (*ins)[i] = frame->slot(inputs[i]);
            bool all_static = true;
            for (size_t i = 0; i < outputs.size(); ++i) {
                Tensor& o = frame->slot(outputs[i]);
                if (static_out[i]) {
                    std::memset(o.data(), 0, o.byte_size());
                    (*outs)[i] = o;
                } else {
                    all_static = false;
                }
            }
            if (!all_static) {
                ShapeContext ctx{n, {}, {}, {}, {}, {}};
                for (const Tensor& t : *ins) {
                    ctx.in_types.push_back(t.type());
                    ctx.in_shapes.emplace_back(t.shape());
                    ctx.in_values.push_back(&t);
                }
                ctx.out_types.resize(n.outputs.size());
                ctx.out_shapes.resize(n.outputs.size());
                n.def->infer(ctx);
                for (size_t i = 0; i < outputs.size(); ++i)
                    if (!static_out[i])
                        (*outs)[i] = ctx.out_shapes[i].is_static()
                                         ? Tensor(ctx.out_types[i], ctx.out_shapes[i].to_shape())
                                         : Tensor();
            }
            n.def->reference(n, *ins, *outs, frame->eval_context());
            for (size_t i = 0; i < outputs.size(); ++i) {
                check(bool((*outs)[i]), "kernel produced no output ", i);
                Tensor& slot = frame->slot(outputs[i]);
                if (!static_out[i]) slot = std::move((*outs)[i]);
                else if ((*outs)[i].data() != slot.data()) std::memcpy(slot.data(), (*outs)[i].data(), slot.byte_size());
            }
            // Hold no buffers between runs (a held result buffer would be replaced next run).
            for (Tensor& t : *ins) t = Tensor();
            for (Tensor& t : *outs) t = Tensor();
        };
    }
};

}  // namespace

Plan::Plan(std::shared_ptr<const Model> model, const PlanOptions& options)
    : model_(std::move(model)), options_(options), engine_(dnnl::engine::kind::cpu, 0) {
    build();
}

int Plan::add_value(Value v) {
    values_.push_back(std::move(v));
    return int(values_.size() - 1);
}

void Plan::add_step(std::unique_ptr<Step> s) {
    int index = int(steps_.size());
    for (int id : s->inputs) {
        Value& v = values_[size_t(id)];
        v.last_use = std::max(v.last_use, index);
    }
    for (int id : s->outputs) {
        Value& v = values_[size_t(id)];
        if (v.first_use < 0) v.first_use = index;
        v.last_use = std::max(v.last_use, index);
    }
    steps_.push_back(std::move(s));
}

const std::vector<Node*>& Plan::users(const Output& o) const {
    static const std::vector<Node*> none;
    auto it = users_.find(o);
    return it == users_.end() ? none : it->second;
}

bool Plan::single_use(const Output& o) const {
    const auto& u = users(o);
    return u.size() == 1 && u[0]->type != "Result";
}

std::string Plan::implementation(const Node& n) const {
    auto it = fused_.find(&n);
    if (it != fused_.end()) return it->second;
    if (n.type == "Parameter" || n.type == "Constant" || n.type == "Result") return "none";
    for (const auto& s : steps_)
        if (s->node == &n) return s->implementation;
    return "none";
}

void Plan::add_fallback(const Node& n) {
    auto s = std::make_unique<ReferenceStep>();
    s->node = &n;
    s->implementation = "reference";
    for (const Output& in : n.inputs) s->inputs.push_back(plain(value_of(in)));
    for (size_t i = 0; i < n.outputs.size(); ++i) {
        Value v;
        v.type = n.outputs[i].type;
        v.shape = n.outputs[i].shape;
        if (!v.is_static()) v.kind = Value::Dynamic;
        s->static_out.push_back(v.is_static());
        int id = add_value(std::move(v));
        output_values_[Output{const_cast<Node*>(&n), i}] = id;
        s->outputs.push_back(id);
    }
    add_step(std::move(s));
}

void Plan::build() {
    const Model& m = *model_;
    for (const auto& n : m.nodes())
        for (const Output& in : n->inputs) users_[in].push_back(n.get());
    for (const auto& n : m.nodes()) {
        for (const auto& b : n->bodies) bodies_[b.get()] = std::make_unique<Plan>(b, options_);
        Output out0{n.get(), 0};
        if (n->type == "Parameter") {
            Value v;
            v.type = n->outputs[0].type;
            v.shape = n->outputs[0].shape;
            v.kind = Value::Parameter;
            output_values_[out0] = add_value(std::move(v));
            continue;
        }
        if (n->type == "Constant") {
            Value v;
            v.type = n->value.type();
            v.shape = n->value.shape();
            v.kind = Value::Constant;
            v.constant = n->value;
            output_values_[out0] = add_value(std::move(v));
            continue;
        }
        if (n->type == "Result" || is_fused(n.get())) continue;
        if (!add_own_step(*this, *n) && !add_onednn_step(*this, *n)) add_fallback(*n);
    }
    for (const Node* p : m.parameters()) param_values_.push_back(value_of(Output{const_cast<Node*>(p), 0}));
    for (const Node* r : m.results()) {
        int id = plain(value_of(r->inputs[0]));
        // Results get their own buffers; a value sharing arena bytes with others is copied out.
        bool shared = values_[size_t(id)].alias_of >= 0;
        for (const Value& other : values_) shared = shared || other.alias_of == id;
        if (values_[size_t(id)].kind == Value::Intermediate && shared && values_[size_t(id)].is_static()) {
            Value copy;
            copy.type = values_[size_t(id)].type;
            copy.shape = values_[size_t(id)].shape;
            int to = add_value(std::move(copy));
            add_step(make_reorder(*this, id, to));
            id = to;
        }
        Value& v = values_[size_t(id)];
        if (v.kind == Value::Intermediate && v.is_static()) v.kind = Value::Result;
        result_values_.push_back(id);
    }
    assign_arena();
}

int Plan::plain(int id) {
    if (values_[size_t(id)].md.is_zero()) return id;
    auto it = plain_of_.find(id);
    if (it != plain_of_.end()) return it->second;
    Value v;
    v.type = values_[size_t(id)].type;
    v.shape = values_[size_t(id)].shape;
    int to = add_value(std::move(v));
    add_step(make_reorder(*this, id, to));
    plain_of_[id] = to;
    return to;
}

int Plan::in_layout(int id, const dnnl::memory::desc& md) {
    const Value& from = values_[size_t(id)];
    if (from.md == md) return id;
    if (from.md.is_zero() && md == plain_md(from)) return id;
    Value v;
    v.type = from.type;
    v.shape = from.shape;
    v.md = md;
    int to = add_value(std::move(v));
    add_step(make_reorder(*this, id, to));
    return to;
}

// Greedy first-fit over value lifetimes: a value may reuse bytes whose previous owner's last
// use is before its first use. Aliases (in-place sums) extend their root's lifetime.
void Plan::assign_arena() {
    struct Block {
        size_t offset, bytes;
        int last_use;
    };
    for (auto& v : values_) {
        if (v.kind != Value::Intermediate || !v.is_static()) continue;
        v.bytes = v.md.is_zero() ? size_t(shape_size(v.shape.to_shape())) * element_size(v.type) : v.md.get_size();
    }
    for (auto& v : values_)
        if (v.alias_of >= 0) {
            Value& root = values_[size_t(v.alias_of)];
            root.last_use = std::max(root.last_use, v.last_use);
        }
    std::vector<int> order;
    for (size_t i = 0; i < values_.size(); ++i)
        if (values_[i].kind == Value::Intermediate && values_[i].is_static() && values_[i].alias_of < 0 &&
            values_[i].first_use >= 0)
            order.push_back(int(i));
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return values_[size_t(a)].first_use < values_[size_t(b)].first_use; });
    std::vector<Block> live;
    for (int id : order) {
        Value& v = values_[size_t(id)];
        live.erase(std::remove_if(live.begin(), live.end(), [&](const Block& b) { return b.last_use < v.first_use; }),
                   live.end());
        std::sort(live.begin(), live.end(), [](const Block& a, const Block& b) { return a.offset < b.offset; });
        size_t need = align_up(v.bytes), at = 0;
        for (const Block& b : live) {
            if (b.offset >= at + need) break;
            at = std::max(at, b.offset + b.bytes);
        }
        v.offset = at;
        live.push_back(Block{at, need, v.last_use});
        arena_bytes_ = std::max(arena_bytes_, at + need);
    }
    for (auto& v : values_)
        if (v.alias_of >= 0) v.offset = values_[size_t(v.alias_of)].offset;
}

Frame::Frame(const Plan& plan) : plan_(plan), stream_(plan.engine()) {
    arena_ = aligned_buffer(plan.arena_bytes_);
    slots_.resize(plan.values_.size());
    for (size_t i = 0; i < plan.values_.size(); ++i) {
        const Value& v = plan.values_[i];
        if (v.kind == Value::Constant) {
            slots_[i] = v.constant;
        } else if (v.kind == Value::Intermediate && v.is_static()) {
            slots_[i] = Tensor(v.type, v.shape.to_shape(), static_cast<char*>(arena_.get()) + v.offset, arena_);
        } else if (v.kind == Value::Result && v.is_static()) {
            result_buffers_.emplace_back(int(i), nullptr);
            renew_result(result_buffers_.back());
        }
    }
    for (const auto& [model, body] : plan.bodies_) {
        bodies_[model] = std::make_unique<Frame>(*body);
        bodies_[model]->shared_variables_ = shared_variables_;
    }
    ectx_.variables = shared_variables_;
    ectx_.run_body = [this](const Model& body, const std::vector<Tensor>& args) {
        Frame& f = *bodies_.at(&body);
        std::vector<Tensor> results;
        f.run(args, results);
        return results;
    };
    for (const auto& s : plan.steps_) runs_.push_back(s->bind(*this));
}

void Frame::renew_result(std::pair<int, std::shared_ptr<void>>& r) {
    const Value& v = plan_.values_[size_t(r.first)];
    r.second = aligned_buffer(size_t(shape_size(v.shape.to_shape())) * element_size(v.type));
    slots_[size_t(r.first)] = Tensor(v.type, v.shape.to_shape(), r.second.get(), r.second);
}

void Frame::run(const std::vector<Tensor>& inputs, std::vector<Tensor>& outputs) {
    check(inputs.size() == plan_.param_values_.size(), "Model '", plan_.model().name, "' takes ",
          plan_.param_values_.size(), " inputs, got ", inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) slots_[size_t(plan_.param_values_[i])] = inputs[i];
    // A result buffer still held by the caller (a kept output, or an output fed back as an
    // input) is left to the caller and replaced; otherwise it is reused.
    outputs.assign(plan_.result_values_.size(), Tensor());
    for (auto& r : result_buffers_)
        if (r.second.use_count() > 2) renew_result(r);
    ectx_.variables = shared_variables_;
    size_t step = 0;
    try {
        for (; step < runs_.size(); ++step) runs_[step]();
        stream_.wait();
    } catch (const Exception& e) {
        const Node* n = plan_.steps_[step]->node;
        std::string msg = e.what();
        if (!n) throw;
        if (msg.find("'" + n->name + "'") == std::string::npos) msg = n->describe() + ": " + msg;
        throw Exception(msg);
    } catch (const dnnl::error& e) {
        const Node* n = plan_.steps_[step]->node;
        fail(n ? n->describe() : std::string("reorder"), ": oneDNN: ", e.what());
    } catch (const std::bad_alloc&) {
        const Node* n = plan_.steps_[step]->node;
        fail(n ? n->describe() : std::string("reorder"), ": out of memory");
    }
    for (size_t i = 0; i < outputs.size(); ++i) outputs[i] = slots_[size_t(plan_.result_values_[i])];
}

}  // namespace ovkit::cpu
