#pragma once
// The small interface every device plugin implements (devices/<name>/). The core knows no
// concrete device: devices register themselves by name.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ovkit/model.h"

namespace ovkit {

// Properties by OpenVINO names: PERFORMANCE_HINT, NUM_STREAMS, INFERENCE_NUM_THREADS, ...
using Properties = std::map<std::string, std::string>;

class DeviceRequest {
public:
    virtual ~DeviceRequest() = default;
    // inputs follow the model's parameters, outputs its results.
    virtual void infer(const std::vector<Tensor>& inputs, std::vector<Tensor>& outputs) = 0;
    virtual void reset_state() = 0;
};

class DeviceCompiledModel {
public:
    virtual ~DeviceCompiledModel() = default;
    virtual std::unique_ptr<DeviceRequest> create_request() = 0;
    // How the device runs a node ("reference", "onednn:jit_avx512"), for `ovkit inspect`.
    virtual std::string implementation(const Node& node) const = 0;
};

class Device {
public:
    virtual ~Device() = default;
    virtual std::string name() const = 0;
    virtual std::string full_name() const = 0;
    // Never throws.
    virtual bool supports(const Node& node) const = 0;
    virtual std::unique_ptr<DeviceCompiledModel> compile(std::shared_ptr<const Model> model,
                                                         const Properties& properties) = 0;
};

class DeviceRegistry {
public:
    using Factory = std::function<std::shared_ptr<Device>()>;
    static void add(const std::string& name, Factory factory);
    static std::shared_ptr<Device> get(const std::string& name);  // throws listing known devices
    static std::vector<std::string> names();
};

struct DeviceRegistration {
    DeviceRegistration(const char* name, DeviceRegistry::Factory factory) {
        DeviceRegistry::add(name, std::move(factory));
    }
};

// Model readers by file extension (".onnx", ".xml"); frontends register themselves.
class FrontendRegistry {
public:
    using Reader = std::function<std::shared_ptr<Model>(const std::string& path, const std::string& extra)>;
    static void add(const std::string& extension, Reader reader);
    static std::shared_ptr<Model> read(const std::string& path, const std::string& extra);
};

struct FrontendRegistration {
    FrontendRegistration(const char* extension, FrontendRegistry::Reader reader) {
        FrontendRegistry::add(extension, std::move(reader));
    }
};

}  // namespace ovkit
