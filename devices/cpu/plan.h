#pragma once
// The CPU device's compiled form of a model: a flat list of steps built by walking the graph
// once. Each step is a oneDNN primitive (with fused post-ops), an own kernel or, as the
// fallback, the op's reference kernel. All intermediate values of static shape live in one
// arena per request whose offsets are assigned at compile time from value lifetimes, so an
// inference is a loop over prepared closures: no allocation, graph walk, string lookup or
// shape inference. Values produced by oneDNN may stay in a blocked layout (nChw8c) between
// oneDNN steps; a reorder to the plain layout is planned only where a non-oneDNN consumer
// or a result needs it.
#include <oneapi/dnnl/dnnl.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ovkit/model.h"
#include "ovkit/op_registry.h"

namespace ovkit::cpu {

// One tensor of the plan (a node output, or a reordered copy of one).
struct Value {
    ElementType type = ElementType::undefined;
    PartialShape shape;
    dnnl::memory::desc md;  // zero desc: plain dense row-major layout
    enum Kind { Intermediate, Parameter, Constant, Result, Dynamic } kind = Intermediate;
    Tensor constant;          // Kind::Constant
    size_t bytes = 0;         // static size in the arena
    size_t offset = 0;        // arena offset
    int alias_of = -1;        // shares the storage of another value (in-place sum fusion)
    int first_use = -1, last_use = -1;  // step indices, for the arena
    bool is_static() const { return shape.is_static(); }
};

class Frame;
class Plan;

// A step as shared by all requests; bind() prepares what one request runs.
struct Step {
    virtual ~Step() = default;
    virtual std::function<void()> bind(Frame& frame) const = 0;
    std::vector<int> inputs, outputs;  // value ids
    std::string implementation;        // "onednn:jit:avx2 conv+bias+relu", "own:eltwise", "reference"
    const Node* node = nullptr;        // the node whose result the step computes (after fusion)
};

struct PlanOptions {
    int threads = 0;  // 0: all cores
};

class Plan {
public:
    Plan(std::shared_ptr<const Model> model, const PlanOptions& options);
    const Model& model() const { return *model_; }
    std::string implementation(const Node& n) const;

    // Builders (used by the step factories in onednn_steps.cpp / own_kernels.cpp).
    int add_value(Value v);
    Value& value(int id) { return values_[size_t(id)]; }
    const Value& value(int id) const { return values_[size_t(id)]; }
    int value_of(const Output& o) const { return output_values_.at(o); }
    void set_output(const Output& o, int id) { output_values_[o] = id; }
    // The id of `id` in plain layout, adding a reorder step when it is blocked.
    int plain(int id);
    // The id of `id` in layout `md`, adding a reorder step when it differs.
    int in_layout(int id, const dnnl::memory::desc& md);
    void add_step(std::unique_ptr<Step> s);
    const dnnl::engine& engine() const { return engine_; }
    const PlanOptions& options() const { return options_; }
    // Consumers of a node output inside the plan (Results included).
    const std::vector<Node*>& users(const Output& o) const;
    bool single_use(const Output& o) const;
    // Marks a node as computed by a fused step.
    void fuse(const Node* n, const std::string& impl) { fused_[n] = impl; }
    bool is_fused(const Node* n) const { return fused_.count(n) != 0; }
    // Sub-plans for If/Loop/TensorIterator bodies.
    const Plan& body(const Model* m) const { return *bodies_.at(m); }

private:
    friend class Frame;
    void build();
    void add_fallback(const Node& n);
    void assign_arena();

    std::shared_ptr<const Model> model_;
    PlanOptions options_;
    dnnl::engine engine_;
    std::vector<Value> values_;
    std::vector<std::unique_ptr<Step>> steps_;
    std::map<Output, int> output_values_;
    std::map<int, int> plain_of_;
    std::map<Output, std::vector<Node*>> users_;
    std::map<const Node*, std::string> fused_;
    std::map<const Model*, std::unique_ptr<Plan>> bodies_;
    std::vector<int> param_values_, result_values_;
    size_t arena_bytes_ = 0;
};

// One request's state for a plan: the arena, tensors of every value, the bound steps.
class Frame {
public:
    explicit Frame(const Plan& plan);
    void run(const std::vector<Tensor>& inputs, std::vector<Tensor>& outputs);
    void reset_state() { variables_.clear(); }

    Tensor& slot(int id) { return slots_[size_t(id)]; }
    void* data(int id) { return slots_[size_t(id)].data(); }
    dnnl::stream& stream() { return stream_; }
    EvalContext& eval_context() { return ectx_; }
    const Plan& plan() const { return plan_; }

private:
    void renew_result(std::pair<int, std::shared_ptr<void>>& r);
    const Plan& plan_;
    std::vector<std::pair<int, std::shared_ptr<void>>> result_buffers_;  // value id, buffer
    std::shared_ptr<void> arena_;
    std::vector<Tensor> slots_;
    std::vector<std::function<void()>> runs_;
    dnnl::stream stream_;
    EvalContext ectx_;
    std::map<std::string, Tensor> variables_;
    std::map<const Model*, std::unique_ptr<Frame>> bodies_;
    std::map<std::string, Tensor>* shared_variables_ = &variables_;
};

// Plain dense layout of a value, and a step copying value `from` into value `to` (layouts differ).
dnnl::memory::desc plain_md(const Value& v);
dnnl::memory::desc plain_md_of(const Shape& s);
std::unique_ptr<Step> make_reorder(Plan& plan, int from, int to);

// Step factories: each returns false when the node does not fit, leaving the plan unchanged.
bool add_onednn_step(Plan& plan, const Node& n);
bool add_own_step(Plan& plan, const Node& n);

// The oneDNN CPU ISA in use ("avx2", "avx512_core_bf16"...), for implementation names.
std::string onednn_isa();
bool cpu_has_bf16();

}  // namespace ovkit::cpu
