// Own kernels: shape-only ops as views (no step at all), and f32 elementwise binaries on
// plain same-shape tensors (a oneDNN primitive call costs more than the work on small
// tensors; large ones run TBB-parallel in the device's arena). Blocked operands and
// broadcasts go to oneDNN.
#include <tbb/parallel_for.h>

#include "ovkit/exception.h"
#include "plan.h"

namespace ovkit::cpu {
namespace {

// Reshape/Squeeze/Unsqueeze of a plain intermediate: the output shares the input's bytes.
bool add_view(Plan& plan, const Node& n) {
    if (n.type != "Reshape" && n.type != "Squeeze" && n.type != "Unsqueeze") return false;
    if (!n.outputs[0].shape.is_static()) return false;
    int in = plan.value_of(n.inputs[0]);
    const Value& v = plan.value(in);
    if (v.kind != Value::Intermediate || !v.md.is_zero() || !v.is_static() || v.type != ElementType::f32) return false;
    Value out;
    out.type = v.type;
    out.shape = n.outputs[0].shape;
    out.alias_of = v.alias_of >= 0 ? v.alias_of : in;
    out.first_use = v.first_use;
    int id = plan.add_value(std::move(out));
    plan.set_output(const_cast<Node*>(&n)->output(0), id);
    plan.fuse(&n, "own:view");
    return true;
}

enum class Op { Add, Sub, Mul, Div };

template <Op op>
void binary(const float* a, const float* b, float* y, int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i) {
        if constexpr (op == Op::Add) y[i] = a[i] + b[i];
        else if constexpr (op == Op::Sub) y[i] = a[i] - b[i];
        else if constexpr (op == Op::Mul) y[i] = a[i] * b[i];
        else y[i] = a[i] / b[i];
    }
}

struct BinaryStep : Step {
    void (*fn)(const float*, const float*, float*, int64_t, int64_t) = nullptr;
    int64_t size = 0;
    std::function<void()> bind(Frame& f) const override {
        Frame* frame = &f;
        return [this, frame] {
            const float* a = static_cast<const float*>(frame->data(inputs[0]));
            const float* b = static_cast<const float*>(frame->data(inputs[1]));
            float* y = static_cast<float*>(frame->data(outputs[0]));
            constexpr int64_t kGrain = 1 << 16;
            if (size <= kGrain) {
                fn(a, b, y, 0, size);
                return;
            }
            tbb::parallel_for(tbb::blocked_range<int64_t>(0, size, kGrain),
                              [&](const tbb::blocked_range<int64_t>& r) { fn(a, b, y, r.begin(), r.end()); });
        };
    }
};

bool add_binary(Plan& plan, const Node& n) {
    static const std::map<std::string, std::pair<Op, void (*)(const float*, const float*, float*, int64_t, int64_t)>>
        ops = {{"Add", {Op::Add, binary<Op::Add>}},
               {"Subtract", {Op::Sub, binary<Op::Sub>}},
               {"Multiply", {Op::Mul, binary<Op::Mul>}},
               {"Divide", {Op::Div, binary<Op::Div>}}};
    auto it = ops.find(n.type);
    if (it == ops.end() || n.inputs.size() != 2 || !n.outputs[0].shape.is_static()) return false;
    const PartialShape& ys = n.outputs[0].shape;
    for (const Output& in : n.inputs)
        if (in.type() != ElementType::f32 || !(in.shape() == ys) || !plan.value(plan.value_of(in)).md.is_zero()) return false;
    auto s = std::make_unique<BinaryStep>();
    s->fn = it->second.second;
    s->size = shape_size(ys.to_shape());
    s->node = &n;
    s->implementation = "own:eltwise";
    s->inputs = {plan.value_of(n.inputs[0]), plan.value_of(n.inputs[1])};
    Value v;
    v.type = ElementType::f32;
    v.shape = ys;
    int out = plan.add_value(std::move(v));
    plan.set_output(const_cast<Node*>(&n)->output(0), out);
    s->outputs = {out};
    plan.add_step(std::move(s));
    return true;
}

}  // namespace

bool add_own_step(Plan& plan, const Node& n) { return add_view(plan, n) || add_binary(plan, n); }

}  // namespace ovkit::cpu
