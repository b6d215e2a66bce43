#include "common/model_registry.h"

#include <map>
#include <mutex>
#include <stdexcept>

namespace ovkit::gst {
namespace {

struct Entry {
    std::string path, device;
    CompiledModel model;
};

}  // namespace

CompiledModel acquire_model(const std::string& instance_id, const std::string& path, const std::string& device) {
    static std::mutex mutex;
    static std::map<std::string, Entry> shared;
    if (instance_id.empty()) return Core().compile_model(path, device);
    std::lock_guard<std::mutex> lock(mutex);
    auto it = shared.find(instance_id);
    if (it == shared.end()) return shared.emplace(instance_id, Entry{path, device, Core().compile_model(path, device)}).first->second.model;
    if (it->second.path != path || it->second.device != device)
        throw std::runtime_error("model-instance-id '" + instance_id + "' already holds '" + it->second.path + "' on " +
                                 it->second.device + "; cannot share it for '" + path + "' on " + device);
    return it->second.model;
}

}  // namespace ovkit::gst
