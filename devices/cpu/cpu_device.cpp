// The CPU device: oneDNN primitives + own kernels + reference fallback, planned once per
// compile (see plan.h).
//
// Threading. Debian's oneDNN runs its primitives on the OpenMP runtime (libgomp); our own
// kernels use oneTBB. Both pools get the same budget: each request thread sets
// omp_set_num_threads(threads per stream) before it runs, and runs inside one process-wide
// tbb::task_arena of INFERENCE_NUM_THREADS. Steps run one after another, so the pools never
// compute at the same time; what remains is libgomp's spin-wait after a parallel region
// (GOMP_SPINCOUNT), during which a following TBB kernel competes with spinning OpenMP threads
// on a 2-core box. Hence almost all heavy work goes to oneDNN/OpenMP and only large plain
// elementwise kernels use TBB. (The OpenMP-vs-TBB measurement on the 2-core box is still to be
// done; see the report of the branch that added this device.)
#include <omp.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <mutex>
#include <thread>

#include "ovkit/core.h"
#include "ovkit/device.h"
#include "ovkit/exception.h"
#include "plan.h"

namespace ovkit::cpu {
namespace {

int property_int(const Properties& p, const std::string& key, int fallback) {
    auto it = p.find(key);
    if (it == p.end() || it->second.empty() || it->second == "AUTO") return fallback;
    return std::stoi(it->second);
}

std::string property(const Properties& p, const std::string& key, const std::string& fallback) {
    auto it = p.find(key);
    return it == p.end() ? fallback : it->second;
}

struct Threading {
    int threads = 1;     // per stream
    int streams = 1;
    tbb::task_arena* arena = nullptr;
};

// One TBB arena for the process, sized by the first compile that asks (INFERENCE_NUM_THREADS
// or all cores).
tbb::task_arena& process_arena(int threads) {
    static tbb::task_arena arena(threads);
    return arena;
}

Threading threading(const Properties& p) {
    int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    Threading t;
    int total = property_int(p, "INFERENCE_NUM_THREADS", 0);
    if (total <= 0) total = cores;
    bool throughput = property(p, "PERFORMANCE_HINT", "LATENCY") == "THROUGHPUT";
    t.streams = std::max(1, property_int(p, "NUM_STREAMS", throughput ? total : 1));
    t.threads = std::max(1, total / t.streams);
    t.arena = &process_arena(total);
    return t;
}

class Compiled;

class Request : public DeviceRequest {
public:
    explicit Request(Compiled& c);
    void infer(const std::vector<Tensor>& inputs, std::vector<Tensor>& outputs) override;
    void reset_state() override;

private:
    Compiled& compiled_;
    std::unique_ptr<Frame> frame_;  // for the compiled (static) shapes
    std::map<std::vector<Shape>, std::unique_ptr<Frame>> by_shape_;
};

class Compiled : public DeviceCompiledModel {
public:
    Compiled(std::shared_ptr<const Model> model, const Properties& props)
        : model_(std::move(model)), threading_(threading(props)) {
        options_.threads = threading_.threads;
        for (const Node* p : model_->parameters()) static_ = static_ && p->outputs[0].shape.is_static();
        plan_ = std::make_unique<Plan>(model_, options_);
    }
    std::unique_ptr<DeviceRequest> create_request() override { return std::make_unique<Request>(*this); }
    std::string implementation(const Node& n) const override { return plan_->implementation(n); }

    const Plan& plan() const { return *plan_; }
    bool is_static() const { return static_; }
    const Threading& threads() const { return threading_; }

    // A plan for concrete input shapes of a model with dynamic inputs (cached). Nodes whose
    // shapes still depend on data run their reference kernel with per-run shape inference.
    const Plan& plan_for(const std::vector<Tensor>& inputs, std::vector<Shape>& key) {
        key.clear();
        for (const Tensor& t : inputs) key.push_back(t.shape());
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = by_shape_.find(key);
        if (it != by_shape_.end()) return *it->second;
        std::shared_ptr<Model> m = model_->clone();
        std::map<std::string, PartialShape> shapes;
        for (size_t i = 0; i < inputs.size(); ++i) shapes[m->parameters()[i]->name] = PartialShape(inputs[i].shape());
        std::unique_ptr<Plan> p;
        try {
            reshape(*m, shapes);
            p = std::make_unique<Plan>(m, options_);
        } catch (const Exception&) {
            p = std::make_unique<Plan>(model_, options_);  // shapes that do not propagate: plan as compiled
        }
        return *(by_shape_[key] = std::move(p));
    }

private:
    std::shared_ptr<const Model> model_;
    Threading threading_;
    PlanOptions options_;
    bool static_ = true;
    std::unique_ptr<Plan> plan_;
    std::mutex mutex_;
    std::map<std::vector<Shape>, std::unique_ptr<Plan>> by_shape_;
};

Request::Request(Compiled& c) : compiled_(c) {
    if (c.is_static()) frame_ = std::make_unique<Frame>(c.plan());
}

void Request::infer(const std::vector<Tensor>& inputs, std::vector<Tensor>& outputs) {
    const Threading& t = compiled_.threads();
    omp_set_num_threads(t.threads);
    Frame* frame = frame_.get();
    if (!frame) {
        std::vector<Shape> key;
        const Plan& plan = compiled_.plan_for(inputs, key);
        auto& f = by_shape_[key];
        if (!f) f = std::make_unique<Frame>(plan);
        frame = f.get();
    }
    t.arena->execute([&] { frame->run(inputs, outputs); });
}

void Request::reset_state() {
    if (frame_) frame_->reset_state();
    for (auto& [k, f] : by_shape_) f->reset_state();
}

class CpuDevice : public Device {
public:
    std::string name() const override { return "CPU"; }
    std::string full_name() const override { return "ovkit CPU (oneDNN " + onednn_isa() + " + oneTBB)"; }
    bool supports(const Node& n) const override {
        return n.type == "Parameter" || n.type == "Constant" || n.type == "Result" || (n.def && n.def->reference);
    }
    std::unique_ptr<DeviceCompiledModel> compile(std::shared_ptr<const Model> model, const Properties& props) override {
        return std::make_unique<Compiled>(std::move(model), props);
    }
};

const DeviceRegistration cpu_registration("CPU", [] { return std::make_shared<CpuDevice>(); });

}  // namespace
}  // namespace ovkit::cpu
