#include "executor.h"

#include <set>

#include "ovkit/exception.h"

namespace ovkit::reference {

Executor::Executor(std::shared_ptr<const Model> model) : model_(std::move(model)) {
    std::map<const Node*, size_t> first_slot;
    for (const auto& n : model_->nodes()) {
        first_slot[n.get()] = slot_count_;
        slot_count_ += n->outputs.size();
    }
    auto slot_of = [&](const Output& o) { return first_slot.at(o.node) + o.index; };
    std::map<size_t, size_t> last_reader;
    std::set<size_t> kept;
    for (const auto& n : model_->nodes()) {
        for (const auto& b : n->bodies) bodies_[b.get()] = std::make_unique<Executor>(b);
        if (n->type == "Parameter") continue;
        if (n->type == "Constant") {
            constants_.emplace_back(first_slot[n.get()], n->value);
            kept.insert(first_slot[n.get()]);
            continue;
        }
        if (n->type == "Result") {
            result_slots_.push_back(slot_of(n->inputs[0]));
            kept.insert(slot_of(n->inputs[0]));
            continue;
        }
        Step s{n.get(), {}, first_slot[n.get()], {}};
        for (const auto& in : n->inputs) {
            s.in_slots.push_back(slot_of(in));
            last_reader[slot_of(in)] = steps_.size();
        }
        steps_.push_back(std::move(s));
    }
    // Results are listed in model order, which may differ from node order.
    result_slots_.clear();
    for (const Node* r : model_->results()) result_slots_.push_back(slot_of(r->inputs[0]));
    for (const Node* p : model_->parameters()) {
        param_slots_.push_back(first_slot.at(p));
        kept.insert(first_slot.at(p));
    }
    for (size_t r : result_slots_) kept.insert(r);
    for (const auto& [slot, step] : last_reader)
        if (!kept.count(slot)) steps_[step].release.push_back(slot);
}

std::vector<Tensor> Executor::run(const std::vector<Tensor>& inputs,
                                  std::map<std::string, Tensor>& variables) const {
    check(inputs.size() == param_slots_.size(), "Model '", model_->name, "' takes ", param_slots_.size(),
          " inputs, got ", inputs.size());
    std::vector<Tensor> slots(slot_count_);
    for (size_t i = 0; i < inputs.size(); ++i) slots[param_slots_[i]] = inputs[i];
    for (const auto& [slot, value] : constants_) slots[slot] = value;

    EvalContext ectx;
    ectx.variables = &variables;
    ectx.run_body = [&](const Model& body, const std::vector<Tensor>& args) {
        return bodies_.at(&body)->run(args, variables);
    };
    std::vector<Tensor> ins, outs;
    for (const Step& s : steps_) {
        const Node& n = *s.node;
        ins.clear();
        for (size_t slot : s.in_slots) ins.push_back(slots[slot]);
        try {
            ShapeContext ctx{n, {}, {}, {}, {}, {}};
            for (const Tensor& t : ins) {
                ctx.in_types.push_back(t.type());
                ctx.in_shapes.emplace_back(t.shape());
                ctx.in_values.push_back(&t);
            }
            ctx.out_types.resize(n.outputs.size());
            ctx.out_shapes.resize(n.outputs.size());
            n.def->infer(ctx);
            outs.assign(ctx.out_types.size(), Tensor());
            for (size_t i = 0; i < outs.size(); ++i)
                if (ctx.out_shapes[i].is_static())
                    outs[i] = Tensor(ctx.out_types[i], ctx.out_shapes[i].to_shape());
            n.def->reference(n, ins, outs, ectx);
            for (size_t i = 0; i < outs.size(); ++i) {
                check(bool(outs[i]), "kernel produced no output ", i);
                slots[s.first_out_slot + i] = std::move(outs[i]);
            }
        } catch (const Exception& e) {
            std::string msg = e.what();
            if (msg.find("'" + n.name + "'") == std::string::npos) msg = n.describe() + ": " + msg;
            throw Exception(msg);
        } catch (const std::bad_alloc&) {
            fail(n.describe(), ": out of memory");
        }
        for (size_t slot : s.release) slots[slot] = Tensor();
    }
    std::vector<Tensor> results;
    for (size_t slot : result_slots_) results.push_back(slots[slot]);
    return results;
}

}  // namespace ovkit::reference
