#include "ovkit/core.h"

#include <cerrno>
#include <cstdlib>
#include <future>

#include "ovkit/memory.h"
#include "ovkit/op_registry.h"

namespace ovkit {

struct CompiledModel::State {
    std::shared_ptr<const Model> model;
    std::string device_name;
    Properties properties;
    std::unique_ptr<DeviceCompiledModel> compiled;
    std::vector<PortInfo> inputs, outputs;
    std::shared_ptr<MemoryBudget> budget;  // MAX_MODEL_MEMORY: the constants, then what inference allocates
};

struct InferRequest::State {
    std::shared_ptr<CompiledModel::State> compiled;
    std::unique_ptr<DeviceRequest> device;
    std::vector<Tensor> inputs, outputs;
    std::function<void(std::exception_ptr)> callback;
    std::future<void> pending;
};

namespace {
PortInfo port_info(const Node& n, const Port& p) {
    return PortInfo{p.names.empty() ? n.name : p.names.front(), p.type, p.shape};
}

// Properties by OpenVINO names, each with the values it accepts ("" = any, "#" = integer >= 0).
const std::map<std::string, std::vector<std::string>>& known_properties() {
    static const std::map<std::string, std::vector<std::string>> k = {
        {"PERFORMANCE_HINT", {"LATENCY", "THROUGHPUT", "CUMULATIVE_THROUGHPUT"}},
        {"NUM_STREAMS", {"#", "AUTO"}},
        {"INFERENCE_NUM_THREADS", {"#"}},
        {"INFERENCE_PRECISION_HINT", {"f32", "bf16", "f16"}},
        {"CACHE_DIR", {""}},
        {"ENABLE_PROFILING", {"YES", "NO", "true", "false"}},
        {"PERFORMANCE_HINT_NUM_REQUESTS", {"#"}},
        {"GNA_DEVICE_MODE", {"GNA_AUTO", "GNA_HW", "GNA_SW_EXACT", "GNA_SW_FP32"}},
        {"GNA_PRECISION", {"I16", "I8"}},
        {"MAX_MODEL_MEMORY", {"#"}},
    };
    return k;
}

void check_properties(const Properties& props) {
    for (const auto& [key, value] : props) {
        auto it = known_properties().find(key);
        if (it == known_properties().end()) {
            std::string known;
            for (const auto& [k, v] : known_properties()) known += (known.empty() ? "" : ", ") + k;
            fail("Unknown property '", key, "'; known properties: ", known);
        }
        bool ok = false;
        std::string allowed;
        for (const auto& v : it->second) {
            if (v.empty()) ok = true;
            else if (v == "#") ok = ok || (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos);
            else ok = ok || value == v;
            allowed += (allowed.empty() ? "" : ", ") + (v == "#" ? std::string("a non-negative integer") : v);
        }
        check(ok, "Property ", key, " = '", value, "' is out of range; allowed: ", allowed);
    }
}

// The error contract: only ovkit::Exception leaves a public entry point.
template <typename Fn>
auto guarded(const char* what, Fn&& fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const Exception&) {
        throw;
    } catch (const std::bad_alloc&) {
        fail(what, ": out of memory");
    } catch (const std::exception& e) {
        fail(what, ": ", e.what());
    } catch (...) {
        fail(what, ": unknown error");
    }
}

template <typename S>
S& state_of(const std::shared_ptr<S>& s, const char* what) {
    check(s != nullptr, what, " on an empty (default-constructed) object");
    return *s;
}

uint64_t max_model_memory(const Properties& props) {
    auto it = props.find("MAX_MODEL_MEMORY");
    if (it == props.end()) return default_memory_limit();
    errno = 0;
    unsigned long long v = std::strtoull(it->second.c_str(), nullptr, 10);
    check(errno == 0, "Property MAX_MODEL_MEMORY = '", it->second, "' does not fit in 64 bits");
    return v == 0 ? default_memory_limit() : v;  // 0: the default
}

// Bytes of the constants of `m` and its bodies.
uint64_t constant_bytes(const Model& m) {
    uint64_t total = 0;
    for (const auto& n : m.nodes()) {
        if (n->type == "Constant") total += n->value.byte_size();
        for (const auto& b : n->bodies) total += constant_bytes(*b);
    }
    return total;
}

size_t find_port(const std::vector<PortInfo>& ports, const std::string& name, const char* what) {
    for (size_t i = 0; i < ports.size(); ++i)
        if (ports[i].name == name) return i;
    std::string known;
    for (const auto& p : ports) known += (known.empty() ? "" : ", ") + p.name;
    fail("Unknown ", what, " '", name, "'; the model has: ", known);
}
}  // namespace

const std::vector<PortInfo>& CompiledModel::inputs() const { return state_of(state_, "CompiledModel::inputs").inputs; }
const std::vector<PortInfo>& CompiledModel::outputs() const {
    return state_of(state_, "CompiledModel::outputs").outputs;
}
size_t CompiledModel::input_index(const std::string& name) const { return find_port(inputs(), name, "input"); }
size_t CompiledModel::output_index(const std::string& name) const { return find_port(outputs(), name, "output"); }
std::shared_ptr<const Model> CompiledModel::model() const { return state_of(state_, "CompiledModel::model").model; }
const std::string& CompiledModel::device_name() const {
    return state_of(state_, "CompiledModel::device_name").device_name;
}
std::string CompiledModel::property(const std::string& name) const {
    const auto& props = state_of(state_, "CompiledModel::property").properties;
    auto it = props.find(name);
    return it == props.end() ? "" : it->second;
}
std::string CompiledModel::implementation(const Node& node) const {
    return guarded("CompiledModel::implementation",
                   [&] { return state_of(state_, "CompiledModel::implementation").compiled->implementation(node); });
}

InferRequest CompiledModel::create_infer_request() const {
    check(state_ != nullptr, "create_infer_request on an empty CompiledModel");
    return guarded("create_infer_request", [&] {
        MemoryScope scope(state_->budget);
        InferRequest r;
        r.state_ = std::make_shared<InferRequest::State>();
        r.state_->compiled = state_;
        r.state_->device = state_->compiled->create_request();
        r.state_->inputs.resize(state_->inputs.size());
        r.state_->outputs.resize(state_->outputs.size());
        return r;
    });
}

void InferRequest::set_input_tensor(size_t index, const Tensor& t) {
    const auto& ins = state_of(state_, "set_input_tensor").compiled->inputs;
    check(index < ins.size(), "Input index ", index, " is out of range: the model has ", ins.size(), " inputs");
    const PortInfo& p = ins[index];
    check(t.type() == p.type, "Input '", p.name, "' expects element type ", type_name(p.type), ", got ",
          type_name(t.type()));
    check(p.shape.compatible(t.shape()), "Input '", p.name, "' expects shape ", p.shape.to_string(), ", got ",
          to_string(t.shape()));
    state_->inputs[index] = t;
}

void InferRequest::set_tensor(const std::string& name, const Tensor& t) {
    set_input_tensor(find_port(state_of(state_, "set_tensor").compiled->inputs, name, "input"), t);
}

Tensor InferRequest::get_input_tensor(size_t index) const {
    const auto& ins = state_of(state_, "get_input_tensor").inputs;
    check(index < ins.size(), "Input index ", index, " is out of range: the model has ", ins.size(), " inputs");
    return ins[index];
}

Tensor InferRequest::get_output_tensor(size_t index) const {
    state_of(state_, "get_output_tensor");
    check(index < state_->outputs.size(), "Output index ", index, " is out of range: the model has ",
          state_->outputs.size(), " outputs");
    return state_->outputs[index];
}

Tensor InferRequest::get_tensor(const std::string& name) const {
    const auto& c = *state_of(state_, "get_tensor").compiled;
    for (size_t i = 0; i < c.outputs.size(); ++i)
        if (c.outputs[i].name == name) return state_->outputs[i];
    return state_->inputs[find_port(c.inputs, name, "input or output")];
}

void InferRequest::infer() {
    state_of(state_, "infer");
    for (size_t i = 0; i < state_->inputs.size(); ++i)
        check(bool(state_->inputs[i]), "Input '", state_->compiled->inputs[i].name, "' was not set");
    guarded("infer", [&] {
        MemoryScope scope(state_->compiled->budget);
        state_->device->infer(state_->inputs, state_->outputs);
    });
}

void InferRequest::start_async() {
    state_of(state_, "start_async");
    auto s = state_;
    InferRequest self = *this;
    s->pending = std::async(std::launch::async, [self, s]() mutable {
        std::exception_ptr error;
        try {
            self.infer();
        } catch (...) {
            error = std::current_exception();
        }
        if (s->callback) s->callback(error);
        if (error) std::rethrow_exception(error);
    });
}

void InferRequest::wait() {
    auto& s = state_of(state_, "wait");
    if (s.pending.valid()) s.pending.get();
}

void InferRequest::set_callback(std::function<void(std::exception_ptr)> callback) {
    state_of(state_, "set_callback").callback = std::move(callback);
}

void InferRequest::reset_state() { state_of(state_, "reset_state").device->reset_state(); }

std::shared_ptr<Model> Core::read_model(const std::string& path, const std::string& weights_path) const {
    return guarded("read_model", [&] { return FrontendRegistry::read(path, weights_path); });
}

CompiledModel Core::compile_model(std::shared_ptr<const Model> model, const std::string& device,
                                  const Properties& properties) const {
    check(model != nullptr, "compile_model: null model");
    check_properties(properties);
    return guarded("compile_model", [&] {
        auto dev = DeviceRegistry::get(device);
        auto missing = unsupported_ops(*model, device);
        if (!missing.empty()) {
            std::string list;
            for (const auto& m : missing) list += "\n  " + m;
            fail("Device ", device, " cannot run ", missing.size(), " operation(s) of model '", model->name, "':", list);
        }
        CompiledModel c;
        c.state_ = std::make_shared<CompiledModel::State>();
        c.state_->model = model;
        c.state_->device_name = device;
        c.state_->properties = properties;
        // The constants count against the limit for the compiled model's whole life.
        c.state_->budget = std::make_shared<MemoryBudget>(max_model_memory(properties));
        uint64_t weights = constant_bytes(*model);
        if (!c.state_->budget->try_acquire(weights))
            c.state_->budget->fail_exceeded(weights, "the constants of model '" + model->name + "'");
        MemoryScope scope(c.state_->budget);
        c.state_->compiled = dev->compile(model, properties);
        for (const Node* p : model->parameters()) c.state_->inputs.push_back(port_info(*p, p->outputs[0]));
        for (const Node* r : model->results()) {
            const Node& src = *r->inputs[0].node;
            const Port& port = src.outputs[r->inputs[0].index];
            PortInfo info = port_info(src, port);
            if (port.names.empty() && src.outputs.size() > 1) info.name += "." + std::to_string(r->inputs[0].index);
            if (!r->outputs[0].names.empty()) info.name = r->outputs[0].names.front();
            c.state_->outputs.push_back(info);
        }
        return c;
    });
}

CompiledModel Core::compile_model(const std::string& path, const std::string& device,
                                  const Properties& properties) const {
    return compile_model(read_model(path), device, properties);
}

std::vector<std::string> Core::available_devices() const { return DeviceRegistry::names(); }

std::vector<std::string> Core::unsupported_ops(const Model& model, const std::string& device) const {
    return guarded("unsupported_ops", [&] {
        auto dev = DeviceRegistry::get(device);
        std::vector<std::string> out;
        std::function<void(const Model&)> walk = [&](const Model& m) {
            for (const auto& n : m.nodes()) {
                if (!dev->supports(*n)) out.push_back(n->type + " '" + n->name + "'");
                for (const auto& b : n->bodies) walk(*b);
            }
        };
        walk(model);
        return out;
    });
}

void reshape(Model& model, const std::map<std::string, PartialShape>& shapes) {
    for (const auto& [name, shape] : shapes) {
        Node* found = nullptr;
        for (Node* p : model.parameters())
            if (p->name == name || (!p->outputs[0].names.empty() && p->outputs[0].names[0] == name)) found = p;
        if (!found) {
            std::string known;
            for (Node* p : model.parameters()) known += (known.empty() ? "" : ", ") + p->name;
            fail("Cannot reshape: model '", model.name, "' has no input '", name, "'; inputs: ", known);
        }
        found->attrs.set("shape", shape.to_string());
    }
    guarded("reshape", [&] { model.validate_all(); });
}

}  // namespace ovkit
