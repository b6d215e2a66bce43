// The REFERENCE device: plain C++ kernels for every op. `CPU` maps here when the oneDNN
// device (devices/cpu, CMake option OVKIT_CPU) is not built.
#include "executor.h"
#include "ovkit/device.h"

namespace ovkit::reference {
namespace {

class Request : public DeviceRequest {
public:
    explicit Request(const Executor& e) : executor_(e) {}
    void infer(const std::vector<Tensor>& inputs, std::vector<Tensor>& outputs) override {
        outputs = executor_.run(inputs, variables_);
    }
    void reset_state() override { variables_.clear(); }

private:
    const Executor& executor_;
    std::map<std::string, Tensor> variables_;
};

class Compiled : public DeviceCompiledModel {
public:
    explicit Compiled(std::shared_ptr<const Model> m) : executor_(std::move(m)) {}
    std::unique_ptr<DeviceRequest> create_request() override { return std::make_unique<Request>(executor_); }
    std::string implementation(const Node&) const override { return "reference"; }

private:
    Executor executor_;
};

class ReferenceDevice : public Device {
public:
    explicit ReferenceDevice(std::string name) : name_(std::move(name)) {}
    std::string name() const override { return name_; }
    std::string full_name() const override { return "ovkit reference (plain C++)"; }
    bool supports(const Node& n) const override {
        return n.type == "Parameter" || n.type == "Constant" || n.type == "Result" ||
               (n.def && n.def->reference);
    }
    std::unique_ptr<DeviceCompiledModel> compile(std::shared_ptr<const Model> model, const Properties&) override {
        return std::make_unique<Compiled>(std::move(model));
    }

private:
    std::string name_;
};

const DeviceRegistration reference_registration("REFERENCE", [] {
    return std::make_shared<ReferenceDevice>("REFERENCE");
});
#ifndef OVKIT_CPU_DEVICE
const DeviceRegistration cpu_registration("CPU", [] { return std::make_shared<ReferenceDevice>("CPU"); });
#endif

}  // namespace
}  // namespace ovkit::reference
