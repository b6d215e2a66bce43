// Steps on oneDNN primitives: (group) convolution and transposed convolution with folded
// bias/batch-norm/per-channel scale and fused activation + residual-sum post-ops, binary and
// unary eltwise (with activation post-ops), pooling (incl. global average as ReduceMean),
// concat, nearest/linear resize, matmul and softmax. f32 only (bf16 when the plan asks and the
// CPU has it); anything that does not fit returns false and gets another implementation.
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "../reference/kernels/window.h"
#include "ovkit/exception.h"
#include "plan.h"

namespace ovkit::cpu {

using dnnl::algorithm;
using dnnl::memory;
using tag = memory::format_tag;
using dt = memory::data_type;

memory::desc plain_md_of(const Shape& s) {
    memory::dims dims(s.begin(), s.end()), strides(s.size(), 1);
    for (int64_t i = int64_t(s.size()) - 2; i >= 0; --i) strides[size_t(i)] = strides[size_t(i + 1)] * dims[size_t(i + 1)];
    if (dims.empty()) {
        dims = {1};
        strides = {1};
    }
    return memory::desc(dims, dt::f32, strides);
}

memory::desc plain_md(const Value& v) { return plain_md_of(v.shape.to_shape()); }

namespace {

// A oneDNN primitive bound to plan values (re-pointed when a value's buffer moves, e.g. a
// parameter) and to constant memories (packed weights, bias) shared by all requests.
struct DnnlStep : Step {
    dnnl::primitive prim;
    struct Arg {
        int arg, value;
        memory::desc md;
    };
    std::vector<Arg> args;
    std::vector<std::pair<int, memory>> fixed;
    std::vector<Tensor> keep;  // constants the fixed memories point into
    memory::desc scratch_md;

    std::function<void()> bind(Frame& f) const override {
        struct Bound {
            std::unordered_map<int, memory> map;
            std::vector<std::pair<memory, int>> values;
            std::shared_ptr<void> scratch;
        };
        auto b = std::make_shared<Bound>();
        const dnnl::engine& eng = f.plan().engine();
        for (const Arg& a : args) {
            memory m(a.md, eng, f.data(a.value));
            b->map[a.arg] = m;
            b->values.emplace_back(m, a.value);
        }
        for (const auto& [arg, m] : fixed) b->map[arg] = m;
        if (scratch_md.get_size() > 0) {
            b->scratch = std::shared_ptr<void>(std::aligned_alloc(64, (scratch_md.get_size() + 63) / 64 * 64), std::free);
            b->map[DNNL_ARG_SCRATCHPAD] = memory(scratch_md, eng, b->scratch.get());
        }
        Frame* frame = &f;
        return [this, b, frame] {
            for (auto& [m, id] : b->values) {
                void* p = frame->data(id);
                if (m.get_data_handle() != p) m.set_data_handle(p);
            }
            prim.execute(frame->stream(), b->map);
        };
    }
};

dnnl::primitive_attr make_attr(const dnnl::post_ops& po = dnnl::post_ops()) {
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    attr.set_post_ops(po);
    return attr;
}

Node* node_of(const Node& n) { return const_cast<Node*>(&n); }

bool f32_static(const Output& o) {
    return o.type() == ElementType::f32 && o.shape().is_static();
}

// The value of a constant input: a Constant, or a shape-only op (Reshape, Squeeze, Unsqueeze)
// of one.
bool constant_of(const Output& o, Tensor& t) {
    const Node& n = *o.node;
    if (!o.shape().is_static()) return false;
    if (n.type == "Constant") {
        t = n.value.shape() == o.shape().to_shape() ? n.value : n.value.reshaped(o.shape().to_shape());
        return true;
    }
    if ((n.type == "Reshape" || n.type == "Squeeze" || n.type == "Unsqueeze") && constant_of(n.inputs[0], t)) {
        t = t.reshaped(o.shape().to_shape());
        return true;
    }
    return false;
}

// A constant f32 operand broadcast along the channel axis (axis 1) of `out`: C values.
bool per_channel(const Output& o, const Shape& out, std::vector<float>& v) {
    Tensor t;
    if (!constant_of(o, t) || t.type() != ElementType::f32 || out.size() < 2) return false;
    const Shape& s = t.shape();
    if (s.size() > out.size()) return false;
    int64_t channels = out[1];
    size_t off = out.size() - s.size();
    for (size_t i = 0; i < s.size(); ++i)
        if (s[i] != 1 && !(i + off == 1 && s[i] == channels)) return false;
    v.assign(size_t(channels), 0.f);
    for (int64_t c = 0; c < channels; ++c) v[size_t(c)] = t.data<float>()[t.size() == 1 ? 0 : c];
    return true;
}

double scalar_of(const Output& o, double fallback) {
    Tensor t;
    if (!constant_of(o, t) || t.size() != 1) return fallback;
    return t.as_double()[0];
}

// Post-op chain of a step: the nodes after it that it computes too.
struct Chain {
    std::vector<float> scale, shift;  // per-channel affine folded into the producer
    dnnl::post_ops po;
    std::string names;
    Output out;
    std::vector<const Node*> nodes;
    int sum_value = -1;
};

const Node* sole_user(const Plan& plan, const Output& o) {
    return plan.single_use(o) ? plan.users(o)[0] : nullptr;
}

// The other input of binary node u (which reads `cur`), and whether cur is input 0.
Output other_input(const Node& u, const Output& cur, bool& cur_first) {
    cur_first = u.inputs[0] == cur;
    return u.inputs[cur_first ? 1 : 0];
}

// Bias add, per-channel multiply/divide, BatchNormInference after `c.out`.
bool match_affine(const Plan& plan, Chain& c, bool allow_scale) {
    const Node* u = sole_user(plan, c.out);
    if (!u || !(u->outputs[0].shape == c.out.shape())) return false;
    Shape shape = c.out.shape().to_shape();
    std::vector<float> v;
    size_t channels = size_t(shape[1]);
    if (c.scale.empty()) {
        c.scale.assign(channels, 1.f);
        c.shift.assign(channels, 0.f);
    }
    bool first = false;
    if (u->type == "BatchNormInference" && u->inputs[0] == c.out && allow_scale) {
        // BatchNormInference parameters are [C].
        std::vector<float> gamma, beta, mean, var;
        Shape c_only{1, int64_t(channels)};
        if (!per_channel(u->inputs[1], c_only, gamma) || !per_channel(u->inputs[2], c_only, beta) ||
            !per_channel(u->inputs[3], c_only, mean) || !per_channel(u->inputs[4], c_only, var))
            return false;
        double eps = u->attrs.get_float("epsilon");
        for (size_t i = 0; i < channels; ++i) {
            float s = float(gamma[i] / std::sqrt(double(var[i]) + eps));
            c.scale[i] *= s;
            c.shift[i] = c.shift[i] * s + beta[i] - mean[i] * s;
        }
        c.names += "+bn";
    } else if (u->inputs.size() == 2 && per_channel(other_input(*u, c.out, first), shape, v)) {
        if (u->type == "Add") {
            for (size_t i = 0; i < channels; ++i) c.shift[i] += v[i];
        } else if (u->type == "Subtract" && first) {
            for (size_t i = 0; i < channels; ++i) c.shift[i] -= v[i];
        } else if ((u->type == "Multiply" || (u->type == "Divide" && first)) && allow_scale) {
            for (size_t i = 0; i < channels; ++i) {
                float m = u->type == "Multiply" ? v[i] : 1.f / v[i];
                c.scale[i] *= m;
                c.shift[i] *= m;
            }
        } else {
            return false;
        }
        if (c.names.find("+bias") == std::string::npos) c.names += "+bias";
    } else {
        return false;
    }
    c.nodes.push_back(u);
    c.out = node_of(*u)->output(0);
    return true;
}

// x * Clamp(x + 3, 0, 6) / 6 as exported by Paddle: the HSwish it is.
bool match_hswish_pattern(const Plan& plan, Chain& c) {
    const auto& users = plan.users(c.out);
    if (users.size() != 2) return false;
    const Node *add = nullptr, *mul = nullptr;
    for (const Node* u : users) {
        if (u->type == "Add") add = u;
        if (u->type == "Multiply") mul = u;
    }
    bool first = false;
    if (!add || !mul || scalar_of(other_input(*add, c.out, first), 0) != 3.0) return false;
    const Node* clamp = sole_user(plan, node_of(*add)->output(0));
    if (!clamp || clamp->type != "Clamp" || clamp->attrs.get_float("min") != 0.0 || clamp->attrs.get_float("max") != 6.0)
        return false;
    if (sole_user(plan, node_of(*clamp)->output(0)) != mul || other_input(*mul, c.out, first).node != clamp) return false;
    const Node* div = sole_user(plan, node_of(*mul)->output(0));
    if (!div || div->inputs[0].node != mul) return false;
    double d = scalar_of(div->inputs[1], 0);
    if (!((div->type == "Divide" && d == 6.0) || (div->type == "Multiply" && std::fabs(d - 1.0 / 6.0) < 1e-7)))
        return false;
    c.po.append_eltwise(1.f, algorithm::eltwise_hardswish, 0.f, 0.f);
    c.names += "+hswish";
    c.nodes.insert(c.nodes.end(), {add, clamp, mul, div});
    c.out = node_of(*div)->output(0);
    return true;
}

// Appends the eltwise post-op(s) for activation node u; false when u is none.
bool activation_post_op(const Node& u, dnnl::post_ops& po, std::string& names) {
    const std::string& t = u.type;
    if (t == "Relu") po.append_eltwise(1.f, algorithm::eltwise_relu, 0.f, 0.f);
    else if (t == "Clamp")
        po.append_eltwise(1.f, algorithm::eltwise_clip, float(u.attrs.get_float("min")), float(u.attrs.get_float("max")));
    else if (t == "Sigmoid") po.append_eltwise(1.f, algorithm::eltwise_logistic, 0.f, 0.f);
    else if (t == "Tanh") po.append_eltwise(1.f, algorithm::eltwise_tanh, 0.f, 0.f);
    else if (t == "HSwish") po.append_eltwise(1.f, algorithm::eltwise_hardswish, 0.f, 0.f);
    else if (t == "Exp") po.append_eltwise(1.f, algorithm::eltwise_exp, 0.f, 0.f);
    else if (t == "HardSigmoid") {
        Tensor a, b;
        if (!constant_of(u.inputs[1], a) || !constant_of(u.inputs[2], b) || a.size() != 1 || b.size() != 1) return false;
        po.append_eltwise(1.f, algorithm::eltwise_linear, float(a.as_double()[0]), float(b.as_double()[0]));
        po.append_eltwise(1.f, algorithm::eltwise_clip, 0.f, 1.f);
    } else return false;
    names += "+" + std::string(t == "Clamp" ? "clip" : t == "HardSigmoid" ? "hsigmoid" : t == "Sigmoid" ? "sigmoid" : t);
    for (auto& ch : names) ch = char(std::tolower(ch));
    return true;
}

bool match_activation(const Plan& plan, Chain& c) {
    if (match_hswish_pattern(plan, c)) return true;
    const Node* u = sole_user(plan, c.out);
    // (Scalar Multiply/Add as eltwise_linear post-ops broke PP-OCRv4 det/rec outputs with
    // oneDNN 2.6 and are left out until understood.)
    if (!u || !(u->outputs[0].shape == c.out.shape()) || !(u->inputs[0] == c.out) ||
        !activation_post_op(*u, c.po, c.names))
        return false;
    c.nodes.push_back(u);
    c.out = node_of(*u)->output(0);
    return true;
}

// Residual: Add(c.out, r) with r computed before, used only here: summed in place into r.
bool match_sum(Plan& plan, Chain& c, int src_value) {
    const Node* u = sole_user(plan, c.out);
    if (!u || u->type != "Add" || !(u->outputs[0].shape == c.out.shape())) return false;
    bool first = false;
    Output r = other_input(*u, c.out, first);
    if (r == c.out || !(r.shape() == c.out.shape()) || r.type() != ElementType::f32 || plan.users(r).size() != 1) return false;
    int id = 0;
    try {
        id = plan.value_of(r);
    } catch (const std::out_of_range&) {
        return false;  // computed after the producer: cannot be summed into
    }
    const Value& v = plan.value(id);
    int root = v.alias_of >= 0 ? v.alias_of : id;
    if (v.kind != Value::Intermediate || root == src_value || plan.value(root).kind != Value::Intermediate) return false;
    c.po.append_sum(1.f);
    c.names += "+sum";
    c.sum_value = id;
    c.nodes.push_back(u);
    c.out = node_of(*u)->output(0);
    return true;
}

memory::dims dims_of(const Shape& s) { return memory::dims(s.begin(), s.end()); }

std::string impl_name(const dnnl::primitive_desc_base& pd, const std::string& what) {
    return "onednn:" + std::string(pd.impl_info_str()) + " " + what;
}

// Registers the step's output value for `out` (a node output, the chain's end) in layout md.
int add_output(Plan& plan, const Output& out, const memory::desc& md, int alias = -1) {
    Value v;
    v.type = out.type();
    v.shape = out.shape();
    if (!(md == plain_md_of(out.shape().to_shape()))) v.md = md;  // plain stays the zero desc
    if (alias >= 0) {
        const Value& r = plan.value(alias);
        v.alias_of = r.alias_of >= 0 ? r.alias_of : alias;
    }
    return plan.add_value(std::move(v));
}

void finish(Plan& plan, std::unique_ptr<DnnlStep> s, const dnnl::primitive_desc_base& pd, const Node& n, const Chain& c,
            const std::string& what) {
    s->scratch_md = pd.scratchpad_desc();
    s->node = &n;
    s->implementation = impl_name(pd, what + c.names);
    for (const Node* f : c.nodes) plan.fuse(f, "fused into " + n.name);
    plan.add_step(std::move(s));
}

// Steps with nothing fused after them: node output 0 is the primitive's destination.
void finish_unfused(Plan& plan, std::unique_ptr<DnnlStep> s, const dnnl::primitive_desc_base& pd, const Node& n,
                    const memory::desc& value_md, const memory::desc& dst_md, const std::string& what) {
    Chain c;
    c.out = node_of(n)->output(0);
    int out = add_output(plan, c.out, value_md);
    plan.set_output(c.out, out);
    s->outputs = {out};
    s->args.push_back({DNNL_ARG_DST, out, dst_md});
    finish(plan, std::move(s), pd, n, c, what);
}

memory const_memory(const Plan& plan, const memory::desc& md, const void* data) {
    return memory(md, plan.engine(), const_cast<void*>(data));
}

// Packs constant weights (plain layout `from`) into the layout the primitive chose.
memory pack(const Plan& plan, const memory::desc& from, const memory::desc& to, const void* data) {
    memory src = const_memory(plan, from, data);
    memory dst(to, plan.engine());
    dnnl::stream s(plan.engine());
    dnnl::reorder(src, dst).execute(s, src, dst);
    s.wait();
    return dst;
}

bool add_convolution(Plan& plan, const Node& n) {
    bool backprop = n.type.find("BackpropData") != std::string::npos;
    bool grouped = n.type.rfind("Group", 0) == 0;
    const Output &x = n.inputs[0], &w = n.inputs[1];
    Tensor weights;
    if ((backprop && n.inputs.size() != 2) || !f32_static(x) || !f32_static(node_of(n)->output(0)) ||
        !constant_of(w, weights) || weights.type() != ElementType::f32 || x.shape().size() != 4)
        return false;
    Shape xs = x.shape().to_shape(), ys = n.outputs[0].shape.to_shape(), ws = weights.shape();
    reference::Window win = reference::make_window(n, backprop ? ys : xs, backprop ? xs : ys, Shape(ws.end() - 2, ws.end()), backprop);
    const Shape& fwd_in = backprop ? ys : xs;
    const Shape& fwd_out = backprop ? xs : ys;
    memory::dims strides{win.stride[1], win.stride[2]}, dil{win.dilation[1] - 1, win.dilation[2] - 1},
        pad_l{win.pad_begin[1], win.pad_begin[2]}, pad_r(2);
    for (int a = 0; a < 2; ++a) {
        pad_r[size_t(a)] = (fwd_out[size_t(a) + 2] - 1) * win.stride[size_t(a) + 1] +
                           (win.kernel[size_t(a) + 1] - 1) * win.dilation[size_t(a) + 1] + 1 - fwd_in[size_t(a) + 2] -
                           pad_l[size_t(a)];
        if (pad_r[size_t(a)] < 0 && backprop) return false;
    }
    int64_t oc = ys[1], groups = grouped ? ws[0] : 1;
    // Plain weights: OV [OC, IC, kh, kw] / [G, OC/G, IC/G, kh, kw]; backprop swaps OC and IC.
    memory::dims wdims = grouped ? memory::dims{groups, ws[backprop ? 2 : 1], ws[backprop ? 1 : 2], ws[3], ws[4]}
                                 : memory::dims{ws[backprop ? 1 : 0], ws[backprop ? 0 : 1], ws[2], ws[3]};
    tag wtag = grouped ? (backprop ? tag::giohw : tag::goihw) : (backprop ? tag::iohw : tag::oihw);

    Chain c;
    c.out = node_of(n)->output(0);
    while (match_affine(plan, c, !backprop)) {}
    Chain pre = c;
    while (match_activation(plan, c)) {}
    Chain no_sum = c;
    int src = plan.value_of(x);
    if (match_sum(plan, c, src))
        while (match_activation(plan, c)) {}

    // Folded affine: w[oc] *= scale[oc], bias = shift.
    std::vector<float> packed_w(size_t(weights.size()));
    std::memcpy(packed_w.data(), weights.data(), weights.byte_size());
    std::vector<float> bias(size_t(oc), 0.f);
    if (!pre.scale.empty()) {
        int64_t per_oc = weights.size() / oc;
        if (!backprop)
            for (int64_t i = 0; i < weights.size(); ++i) packed_w[size_t(i)] *= pre.scale[size_t(i / per_oc)];
        bias = pre.shift;
    }
    // Few output channels (the det head's 1-channel map): plain output, no 8x channel padding.
    memory::desc src_any(dims_of(xs), dt::f32, tag::any),
        dst_any(dims_of(ys), dt::f32, oc < 8 ? tag::nchw : tag::any);
    memory::desc w_any(wdims, dt::f32, tag::any), b_md({oc}, dt::f32, tag::a);
    auto make_pd = [&](const Chain& ch) -> dnnl::primitive_desc {
        auto attr = make_attr(ch.po);
        if (backprop)
            return dnnl::deconvolution_forward::primitive_desc(
                dnnl::deconvolution_forward::desc(dnnl::prop_kind::forward_inference, algorithm::deconvolution_direct,
                                                  src_any, w_any, b_md, dst_any, strides, dil, pad_l, pad_r),
                attr, plan.engine());
        return dnnl::convolution_forward::primitive_desc(
            dnnl::convolution_forward::desc(dnnl::prop_kind::forward_inference, algorithm::convolution_direct, src_any,
                                            w_any, b_md, dst_any, strides, dil, pad_l, pad_r),
            attr, plan.engine());
    };
    dnnl::primitive_desc pd;
    try {
        pd = make_pd(c);
        if (c.sum_value >= 0 && !(plan.value(c.sum_value).md == pd.dst_desc())) {
            c = no_sum;
            pd = make_pd(c);
        }
    } catch (const dnnl::error&) {
        return false;
    }
    auto s = std::make_unique<DnnlStep>();
    s->prim = dnnl::primitive(pd);
    int in = plan.in_layout(src, pd.src_desc());
    s->inputs = {in};
    s->args.push_back({DNNL_ARG_SRC, in, pd.src_desc()});
    s->fixed.emplace_back(DNNL_ARG_WEIGHTS, pack(plan, memory::desc(wdims, dt::f32, wtag), pd.weights_desc(), packed_w.data()));
    memory bias_mem(b_md, plan.engine());
    std::memcpy(bias_mem.get_data_handle(), bias.data(), bias.size() * sizeof(float));
    s->fixed.emplace_back(DNNL_ARG_BIAS, bias_mem);
    if (c.sum_value >= 0) s->inputs.push_back(c.sum_value);
    int out = add_output(plan, c.out, pd.dst_desc(), c.sum_value);
    plan.set_output(c.out, out);
    s->outputs = {out};
    s->args.push_back({DNNL_ARG_DST, out, pd.dst_desc()});
    finish(plan, std::move(s), pd, n, c, backprop ? "deconv" : grouped ? "group_conv" : "conv");
    return true;
}

const std::map<std::string, algorithm>& binary_algorithms() {
    static const std::map<std::string, algorithm> m = {
        {"Add", algorithm::binary_add}, {"Subtract", algorithm::binary_sub}, {"Multiply", algorithm::binary_mul},
        {"Divide", algorithm::binary_div}, {"Maximum", algorithm::binary_max}, {"Minimum", algorithm::binary_min}};
    return m;
}

// Value `o` as a oneDNN source: its plan value (in its layout) or, for constants, a fixed memory.
void bind_source(Plan& plan, DnnlStep& s, int arg, const Output& o, const memory::desc& md) {
    int id = plan.value_of(o);
    const Value& v = plan.value(id);
    memory::dims dims = md.dims();
    memory::desc dense_md = plain_md_of(Shape(dims.begin(), dims.end()));
    if (v.kind == Value::Constant) {
        s.keep.push_back(v.constant);
        s.fixed.emplace_back(arg, md == dense_md ? const_memory(plan, md, v.constant.data())
                                                 : pack(plan, dense_md, md, v.constant.data()));
        return;
    }
    // A plain value is bound as is under any dense plain desc of its size (e.g. [16] as [1,1,16]).
    bool dense = v.md.is_zero() && md == dense_md &&
                 md.get_size() == size_t(shape_size(v.shape.to_shape())) * sizeof(float);
    int in = dense ? id : plan.in_layout(id, md);
    s.inputs.push_back(in);
    s.args.push_back({arg, in, md});
}

memory::desc layout_of(Plan& plan, const Output& o) {
    const Value& v = plan.value(plan.value_of(o));
    return v.md.is_zero() ? plain_md(v) : v.md;
}

bool add_binary(Plan& plan, const Node& n) {
    auto alg = binary_algorithms().find(n.type);
    if (alg == binary_algorithms().end() || n.inputs.size() != 2 || n.attrs.get_string("auto_broadcast", "numpy") != "numpy")
        return false;
    Output a = n.inputs[0], b = n.inputs[1];
    if (!f32_static(a) || !f32_static(b) || !f32_static(node_of(n)->output(0))) return false;
    Shape ys = n.outputs[0].shape.to_shape();
    bool commutative = n.type == "Add" || n.type == "Multiply" || n.type == "Maximum" || n.type == "Minimum";
    if (a.shape().to_shape() != ys && commutative) std::swap(a, b);
    if (a.shape().to_shape() != ys || ys.empty() || ys.size() > 5 || shape_size(ys) == 0) return false;
    if (plan.value(plan.value_of(a)).kind == Value::Constant) return false;  // folded at compile time anyway
    Shape bs = b.shape().to_shape();
    bs.insert(bs.begin(), ys.size() - bs.size(), 1);
    Chain c;
    c.out = node_of(n)->output(0);
    while (match_activation(plan, c)) {}
    memory::desc a_md = layout_of(plan, a);
    // A full-size second operand follows the first one's layout; a broadcast one too when the
    // first is blocked (oneDNN's jit binary wants that), else it stays plain.
    memory::desc b_md = bs == ys ? a_md : plain_md_of(bs);
    for (tag t : {tag::nChw8c, tag::nChw16c, tag::nhwc})
        if (ys.size() == 4 && bs != ys && (bs[1] == ys[1] || shape_size(bs) == 1) &&
            a_md == memory::desc(dims_of(ys), dt::f32, t))
            b_md = memory::desc(dims_of(bs), dt::f32, t);
    dnnl::binary::primitive_desc pd;
    try {
        pd = dnnl::binary::primitive_desc(dnnl::binary::desc(alg->second, a_md, b_md, a_md), make_attr(c.po), plan.engine());
    } catch (const dnnl::error&) {
        return false;
    }
    auto s = std::make_unique<DnnlStep>();
    s->prim = dnnl::binary(pd);
    bind_source(plan, *s, DNNL_ARG_SRC_0, a, a_md);
    bind_source(plan, *s, DNNL_ARG_SRC_1, b, pd.src1_desc());
    int out = add_output(plan, c.out, a_md);
    plan.set_output(c.out, out);
    s->outputs = {out};
    s->args.push_back({DNNL_ARG_DST, out, a_md});
    std::string what = n.type;
    for (auto& ch : what) ch = char(std::tolower(ch));
    finish(plan, std::move(s), pd, n, c, what);
    return true;
}

bool add_eltwise(Plan& plan, const Node& n) {
    if (n.inputs.empty() || !f32_static(n.inputs[0]) || !f32_static(node_of(n)->output(0)) ||
        !(n.outputs[0].shape == n.inputs[0].shape()) || shape_size(n.outputs[0].shape.to_shape()) == 0 ||
        n.outputs[0].shape.size() == 0)
        return false;
    dnnl::post_ops first;
    std::string names;
    if (!activation_post_op(n, first, names)) return false;
    Chain c;
    c.out = node_of(n)->output(0);
    while (match_activation(plan, c)) {}
    // The node's own activation is the primitive; a second eltwise (HardSigmoid) becomes a post-op.
    algorithm alg;
    float scale, alpha, beta;
    first.get_params_eltwise(0, scale, alg, alpha, beta);
    dnnl::post_ops po;
    for (int i = 1; i < first.len(); ++i) {
        algorithm a2;
        float s2, al2, be2;
        first.get_params_eltwise(i, s2, a2, al2, be2);
        po.append_eltwise(s2, a2, al2, be2);
    }
    for (int i = 0; i < c.po.len(); ++i) {
        if (c.po.kind(i) != dnnl::primitive::kind::eltwise) return false;
        algorithm a2;
        float s2, al2, be2;
        c.po.get_params_eltwise(i, s2, a2, al2, be2);
        po.append_eltwise(s2, a2, al2, be2);
    }
    memory::desc md = layout_of(plan, n.inputs[0]);
    dnnl::eltwise_forward::primitive_desc pd;
    try {
        pd = dnnl::eltwise_forward::primitive_desc(
            dnnl::eltwise_forward::desc(dnnl::prop_kind::forward_inference, alg, md, alpha, beta), make_attr(po),
            plan.engine());
    } catch (const dnnl::error&) {
        return false;
    }
    // oneDNN 2.6's ref:any eltwise applies post-ops to the input (test_hardsigmoid_example).
    if (po.len() > 0 && std::string(pd.impl_info_str()).rfind("ref", 0) == 0) return false;
    auto s = std::make_unique<DnnlStep>();
    s->prim = dnnl::eltwise_forward(pd);
    bind_source(plan, *s, DNNL_ARG_SRC, n.inputs[0], md);
    int out = add_output(plan, c.out, md);
    plan.set_output(c.out, out);
    s->outputs = {out};
    s->args.push_back({DNNL_ARG_DST, out, md});
    finish(plan, std::move(s), pd, n, c, "eltwise" + names);
    return true;
}

// MaxPool / AvgPool (2-D), and ReduceMean over H, W with keep_dims (global average pool).
bool add_pooling(Plan& plan, const Node& n) {
    const Output& x = n.inputs[0];
    if (!f32_static(x) || !f32_static(node_of(n)->output(0)) || x.shape().size() != 4) return false;
    Shape xs = x.shape().to_shape(), ys = n.outputs[0].shape.to_shape();
    algorithm alg;
    memory::dims kernel, strides{1, 1}, pad_l{0, 0}, pad_r{0, 0};
    if (n.type == "ReduceMean") {
        Tensor axes;
        if (!constant_of(n.inputs[1], axes) || ys.size() != 4) return false;
        auto a = axes.as_int64();
        std::sort(a.begin(), a.end());
        if (a != std::vector<int64_t>{2, 3} && a != std::vector<int64_t>{-2, -1}) return false;
        alg = algorithm::pooling_avg_include_padding;
        kernel = {xs[2], xs[3]};
    } else if (n.type == "MaxPool" || n.type == "AvgPool") {
        if (n.type == "MaxPool" && n.outputs.size() > 1 && !plan.users(node_of(n)->output(1)).empty()) return false;
        reference::Window w = reference::make_window(n, xs, ys, n.attrs.get_ints("kernel"));
        if (w.dilation[1] != 1 || w.dilation[2] != 1) return false;
        bool exclude = n.attrs.get_bool("exclude-pad", false);
        alg = n.type == "MaxPool" ? algorithm::pooling_max
              : exclude          ? algorithm::pooling_avg_exclude_padding
                                 : algorithm::pooling_avg_include_padding;
        kernel = {w.kernel[1], w.kernel[2]};
        strides = {w.stride[1], w.stride[2]};
        pad_l = {w.pad_begin[1], w.pad_begin[2]};
        for (int a = 0; a < 2; ++a) {
            pad_r[size_t(a)] = (ys[size_t(a) + 2] - 1) * strides[size_t(a)] + kernel[size_t(a)] - xs[size_t(a) + 2] - pad_l[size_t(a)];
            // Ceil-rounded windows: the reference divides by the taps that exist.
            if (alg == algorithm::pooling_avg_include_padding && pad_r[size_t(a)] > w.pad_end[size_t(a) + 1]) return false;
        }
    } else {
        return false;
    }
    Chain c;
    c.out = node_of(n)->output(0);
    while (match_activation(plan, c)) {}
    memory::desc src = layout_of(plan, x);
    dnnl::pooling_forward::primitive_desc pd;
    try {
        pd = dnnl::pooling_forward::primitive_desc(
            dnnl::pooling_forward::desc(dnnl::prop_kind::forward_inference, alg, src,
                                        memory::desc(dims_of(ys), dt::f32, tag::any), strides, kernel, pad_l, pad_r),
            make_attr(c.po), plan.engine());
    } catch (const dnnl::error&) {
        return false;
    }
    auto s = std::make_unique<DnnlStep>();
    s->prim = dnnl::pooling_forward(pd);
    bind_source(plan, *s, DNNL_ARG_SRC, x, pd.src_desc());
    int out = add_output(plan, c.out, pd.dst_desc());
    plan.set_output(c.out, out);
    s->outputs = {out};
    s->args.push_back({DNNL_ARG_DST, out, pd.dst_desc()});
    finish(plan, std::move(s), pd, n, c, n.type == "ReduceMean" ? "global_avg_pool" : "pool");
    return true;
}

bool add_concat(Plan& plan, const Node& n) {
    if (!f32_static(node_of(n)->output(0)) || n.inputs.size() < 2) return false;
    int64_t rank = int64_t(n.outputs[0].shape.size());
    int64_t axis = n.attrs.get_int("axis");
    if (axis < 0) axis += rank;
    std::vector<memory::desc> srcs;
    for (const Output& in : n.inputs) {
        if (!f32_static(in) || shape_size(in.shape().to_shape()) == 0) return false;
        srcs.push_back(layout_of(plan, in));
    }
    dnnl::concat::primitive_desc pd;
    try {
        pd = dnnl::concat::primitive_desc(int(axis), srcs, plan.engine(), make_attr());
    } catch (const dnnl::error&) {
        return false;
    }
    auto s = std::make_unique<DnnlStep>();
    s->prim = dnnl::concat(pd);
    for (size_t i = 0; i < n.inputs.size(); ++i) bind_source(plan, *s, DNNL_ARG_MULTIPLE_SRC + int(i), n.inputs[i], srcs[i]);
    finish_unfused(plan, std::move(s), pd, n, pd.dst_desc(), pd.dst_desc(), "concat");
    return true;
}

// Interpolate on H, W of NCHW where oneDNN's conventions match: linear with half_pixel, and
// nearest upscaling by integer factors (floor of asymmetric, or half_pixel rounding).
bool add_resize(Plan& plan, const Node& n) {
    const Output& x = n.inputs[0];
    if (!f32_static(x) || !f32_static(node_of(n)->output(0)) || x.shape().size() != 4) return false;
    Shape xs = x.shape().to_shape(), ys = n.outputs[0].shape.to_shape();
    std::string mode = n.attrs.get_string("mode"), ct = n.attrs.get_string("coordinate_transformation_mode", "half_pixel"),
                nm = n.attrs.get_string("nearest_mode", "round_prefer_floor");
    if (xs[0] != ys[0] || xs[1] != ys[1] || n.attrs.get_bool("antialias", false)) return false;
    for (auto p : n.attrs.get_ints("pads_begin", {})) if (p) return false;
    for (auto p : n.attrs.get_ints("pads_end", {})) if (p) return false;
    algorithm alg;
    if ((mode == "linear" || mode == "linear_onnx") && ct == "half_pixel") {
        alg = algorithm::resampling_linear;
    } else if (mode == "nearest") {
        for (int a = 2; a < 4; ++a)
            if (ys[size_t(a)] % xs[size_t(a)] != 0) return false;
        bool ok = (ct == "asymmetric" && nm == "floor") ||
                  ((ct == "half_pixel" || ct == "pytorch_half_pixel") && (nm == "round_prefer_floor" || nm == "round_prefer_ceil"));
        if (!ok) return false;
        alg = algorithm::resampling_nearest;
    } else {
        return false;
    }
    memory::desc src = layout_of(plan, x);
    dnnl::resampling_forward::primitive_desc pd;
    try {
        pd = dnnl::resampling_forward::primitive_desc(
            dnnl::resampling_forward::desc(dnnl::prop_kind::forward_inference, alg, src,
                                           memory::desc(dims_of(ys), dt::f32, tag::any)),
            make_attr(), plan.engine());
    } catch (const dnnl::error&) {
        return false;
    }
    auto s = std::make_unique<DnnlStep>();
    s->prim = dnnl::resampling_forward(pd);
    bind_source(plan, *s, DNNL_ARG_SRC, x, pd.src_desc());
    finish_unfused(plan, std::move(s), pd, n, pd.dst_desc(), pd.dst_desc(), "resize");
    return true;
}

// MatMul of plain f32 tensors (ranks 2..4); a constant B is packed at compile time.
bool add_matmul(Plan& plan, const Node& n) {
    Output a = n.inputs[0], b = n.inputs[1];
    if (!f32_static(a) || !f32_static(b) || !f32_static(node_of(n)->output(0))) return false;
    Shape as = a.shape().to_shape(), bs = b.shape().to_shape(), ys = n.outputs[0].shape.to_shape();
    if (as.size() < 2 || bs.size() < 2 || ys.size() > 4 || as.size() > ys.size() || bs.size() > ys.size()) return false;
    auto expand = [&](Shape s) { s.insert(s.begin(), ys.size() - s.size(), 1); return s; };
    as = expand(as);
    bs = expand(bs);
    size_t r = ys.size();
    // Transposed operands: the same plain buffer described with swapped strides.
    auto desc = [&](const Shape& s, bool transposed) {
        memory::dims dims(s.begin(), s.end()), strides(r, 1);
        for (int64_t i = int64_t(r) - 2; i >= 0; --i) strides[size_t(i)] = strides[size_t(i + 1)] * dims[size_t(i + 1)];
        if (transposed) {
            std::swap(dims[r - 1], dims[r - 2]);
            std::swap(strides[r - 1], strides[r - 2]);
        }
        return memory::desc(dims, dt::f32, strides);
    };
    memory::desc a_md = desc(as, n.attrs.get_bool("transpose_a", false));
    memory::desc b_md = desc(bs, n.attrs.get_bool("transpose_b", false));
    bool b_const = plan.value(plan.value_of(b)).kind == Value::Constant;
    memory::desc b_any = b_const ? memory::desc(b_md.dims(), dt::f32, tag::any) : b_md;
    Chain c;
    c.out = node_of(n)->output(0);
    while (match_activation(plan, c)) {}
    memory::desc y_md = plain_md_of(ys);
    dnnl::matmul::primitive_desc pd;
    try {
        pd = dnnl::matmul::primitive_desc(dnnl::matmul::desc(a_md, b_any, y_md), make_attr(c.po), plan.engine());
    } catch (const dnnl::error&) {
        return false;
    }
    auto s = std::make_unique<DnnlStep>();
    s->prim = dnnl::matmul(pd);
    int ia = plan.plain(plan.value_of(a));
    s->inputs.push_back(ia);
    s->args.push_back({DNNL_ARG_SRC, ia, a_md});
    if (b_const) {
        s->fixed.emplace_back(DNNL_ARG_WEIGHTS, pack(plan, b_md, pd.weights_desc(), plan.value(plan.value_of(b)).constant.data()));
    } else {
        int ib = plan.plain(plan.value_of(b));
        s->inputs.push_back(ib);
        s->args.push_back({DNNL_ARG_WEIGHTS, ib, b_md});
    }
    int out = add_output(plan, c.out, memory::desc());
    plan.set_output(c.out, out);
    s->outputs = {out};
    s->args.push_back({DNNL_ARG_DST, out, y_md});
    finish(plan, std::move(s), pd, n, c, "matmul");
    return true;
}

bool add_softmax(Plan& plan, const Node& n) {
    const Output& x = n.inputs[0];
    if (!f32_static(x) || x.shape().size() == 0 || shape_size(x.shape().to_shape()) == 0) return false;
    int64_t axis = n.attrs.get_int("axis", 1);
    if (axis < 0) axis += int64_t(x.shape().size());
    memory::desc md = plain_md(plan.value(plan.value_of(x)));
    dnnl::softmax_forward::primitive_desc pd;
    try {
        pd = dnnl::softmax_forward::primitive_desc(
            dnnl::softmax_forward::desc(dnnl::prop_kind::forward_inference, md, int(axis)), make_attr(), plan.engine());
    } catch (const dnnl::error&) {
        return false;
    }
    auto s = std::make_unique<DnnlStep>();
    s->prim = dnnl::softmax_forward(pd);
    int in = plan.plain(plan.value_of(x));
    s->inputs = {in};
    s->args.push_back({DNNL_ARG_SRC, in, md});
    finish_unfused(plan, std::move(s), pd, n, memory::desc(), md, "softmax");
    return true;
}

}  // namespace

std::unique_ptr<Step> make_reorder(Plan& plan, int from, int to) {
    const Value &a = plan.value(from), &b = plan.value(to);
    memory::desc src = a.md.is_zero() ? plain_md(a) : a.md, dst = b.md.is_zero() ? plain_md(b) : b.md;
    dnnl::reorder::primitive_desc pd(plan.engine(), src, plan.engine(), dst, make_attr());
    auto s = std::make_unique<DnnlStep>();
    s->prim = dnnl::reorder(pd);
    s->inputs = {from};
    s->outputs = {to};
    s->args = {{DNNL_ARG_SRC, from, src}, {DNNL_ARG_DST, to, dst}};
    s->scratch_md = pd.scratchpad_desc();
    s->implementation = impl_name(pd, "reorder");
    return s;
}

bool add_onednn_step(Plan& plan, const Node& n) {
    const std::string& t = n.type;
    if (t == "Convolution" || t == "GroupConvolution" || t == "ConvolutionBackpropData" ||
        t == "GroupConvolutionBackpropData")
        return add_convolution(plan, n);
    if (binary_algorithms().count(t)) return add_binary(plan, n);
    if (t == "MaxPool" || t == "AvgPool" || t == "ReduceMean") return add_pooling(plan, n);
    if (t == "Concat") return add_concat(plan, n);
    if (t == "Interpolate") return add_resize(plan, n);
    if (t == "MatMul") return add_matmul(plan, n);
    if (t == "Softmax") return add_softmax(plan, n);
    return add_eltwise(plan, n);
}

std::string onednn_isa() {
    switch (dnnl::get_effective_cpu_isa()) {
        case dnnl::cpu_isa::sse41: return "sse41";
        case dnnl::cpu_isa::avx: return "avx";
        case dnnl::cpu_isa::avx2: return "avx2";
        case dnnl::cpu_isa::avx512_core: return "avx512_core";
        case dnnl::cpu_isa::avx512_core_vnni: return "avx512_core_vnni";
        case dnnl::cpu_isa::avx512_core_bf16: return "avx512_core_bf16";
        case dnnl::cpu_isa::avx512_core_amx: return "avx512_core_amx";
        default: return "other";
    }
}

bool cpu_has_bf16() {
    auto isa = dnnl::get_effective_cpu_isa();
    return isa == dnnl::cpu_isa::avx512_core_bf16 || isa == dnnl::cpu_isa::avx512_core_amx;
}

}  // namespace ovkit::cpu
