#pragma once
// Process-wide compiled models shared by `model-instance-id`: the first element that asks for
// an id compiles the model; later elements with the same id get the same CompiledModel (and
// must name the same model file and device).
#include <string>

#include "ovkit/core.h"

namespace ovkit::gst {

// Throws ovkit::Exception / std::runtime_error with a message naming the file or the conflict.
CompiledModel acquire_model(const std::string& instance_id, const std::string& path, const std::string& device);

}  // namespace ovkit::gst
