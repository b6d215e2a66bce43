#pragma once
// The public C++ API, shaped like OpenVINO's: Core -> Model -> CompiledModel -> InferRequest.
//
//   ovkit::Core core;
//   auto model = core.read_model("det.onnx");
//   auto compiled = core.compile_model(model, "CPU", {{"PERFORMANCE_HINT", "LATENCY"}});
//   auto request = compiled.create_infer_request();
//   request.set_input_tensor(0, tensor);
//   request.infer();
//   ovkit::Tensor out = request.get_output_tensor(0);
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ovkit/device.h"
#include "ovkit/exception.h"
#include "ovkit/model.h"
#include "ovkit/tensor.h"

namespace ovkit {

struct PortInfo {
    std::string name;  // first tensor name, or the node name
    ElementType type;
    PartialShape shape;
};

class InferRequest;

class CompiledModel {
public:
    CompiledModel() = default;
    const std::vector<PortInfo>& inputs() const;
    const std::vector<PortInfo>& outputs() const;
    size_t input_index(const std::string& name) const;   // throws listing the inputs
    size_t output_index(const std::string& name) const;
    InferRequest create_infer_request() const;
    std::shared_ptr<const Model> model() const;
    const std::string& device_name() const;
    std::string property(const std::string& name) const;
    std::string implementation(const Node& node) const;

    struct State;  // defined in core.cpp

private:
    friend class Core;
    std::shared_ptr<State> state_;
};

class InferRequest {
public:
    InferRequest() = default;
    void set_input_tensor(size_t index, const Tensor& t);  // checks type and shape
    void set_tensor(const std::string& name, const Tensor& t);
    Tensor get_input_tensor(size_t index) const;
    Tensor get_output_tensor(size_t index = 0) const;
    Tensor get_tensor(const std::string& name) const;
    void infer();
    // Runs on a worker thread; the callback gets an exception pointer (null on success).
    void start_async();
    void wait();
    void set_callback(std::function<void(std::exception_ptr)> callback);
    void reset_state();  // clears ReadValue/Assign variables

    struct State;

private:
    friend class CompiledModel;
    std::shared_ptr<State> state_;
};

class Core {
public:
    Core() = default;
    // ".onnx" or ".xml" (+ ".bin" beside it, or `weights_path`).
    std::shared_ptr<Model> read_model(const std::string& path, const std::string& weights_path = "") const;
    CompiledModel compile_model(std::shared_ptr<const Model> model, const std::string& device = "CPU",
                                const Properties& properties = {}) const;
    CompiledModel compile_model(const std::string& path, const std::string& device = "CPU",
                                const Properties& properties = {}) const;
    std::vector<std::string> available_devices() const;
    // Ops of `model` the device cannot run, as "Type 'name'" lines.
    std::vector<std::string> unsupported_ops(const Model& model, const std::string& device) const;
};

// Reshapes a model's parameters ({"input": "[1,3,640,640]"}), re-inferring every node.
void reshape(Model& model, const std::map<std::string, PartialShape>& shapes);

}  // namespace ovkit
