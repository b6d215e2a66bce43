#include <algorithm>
#include <filesystem>

#include "ovkit/device.h"
#include "ovkit/exception.h"

namespace ovkit {

namespace {
std::map<std::string, DeviceRegistry::Factory>& devices() {
    static std::map<std::string, DeviceRegistry::Factory> d;
    return d;
}
std::map<std::string, FrontendRegistry::Reader>& frontends() {
    static std::map<std::string, FrontendRegistry::Reader> f;
    return f;
}
}  // namespace

void DeviceRegistry::add(const std::string& name, Factory factory) { devices()[name] = std::move(factory); }

std::shared_ptr<Device> DeviceRegistry::get(const std::string& name) {
    auto it = devices().find(name);
    if (it == devices().end()) {
        std::string known;
        for (const auto& n : names()) known += (known.empty() ? "" : ", ") + n;
        fail("Unknown device '", name, "'; available devices: ", known);
    }
    return it->second();
}

std::vector<std::string> DeviceRegistry::names() {
    std::vector<std::string> out;
    for (const auto& [k, v] : devices()) out.push_back(k);
    return out;
}

void FrontendRegistry::add(const std::string& extension, Reader reader) {
    frontends()[extension] = std::move(reader);
}

std::shared_ptr<Model> FrontendRegistry::read(const std::string& path, const std::string& extra) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) fail("Model file '", path, "' does not exist or is not a file");
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    auto it = frontends().find(ext);
    if (it == frontends().end()) {
        std::string known;
        for (const auto& [k, v] : frontends()) known += (known.empty() ? "" : ", ") + k;
        fail("Model file '", path, "': unknown format '", ext, "'; supported: ", known);
    }
    return it->second(path, extra);
}

}  // namespace ovkit
