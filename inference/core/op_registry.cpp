#include "ovkit/op_registry.h"

#include "ovkit/exception.h"

namespace ovkit {

namespace {
std::map<std::string, OpDef>& table() {
    static std::map<std::string, OpDef> t;
    return t;
}
}  // namespace

OpDef& OpRegistry::entry(const std::string& type) {
    OpDef& d = table()[type];
    d.type = type;
    return d;
}

const OpDef* OpRegistry::find(const std::string& type) {
    auto it = table().find(type);
    return it == table().end() || !it->second.infer ? nullptr : &it->second;
}

std::vector<std::string> OpRegistry::types() {
    std::vector<std::string> out;
    for (const auto& [k, v] : table())
        if (v.infer) out.push_back(k);
    return out;
}

OpRegistration::OpRegistration(const char* type, InferFn infer, int min_inputs, int max_inputs,
                               bool foldable) {
    OpDef& d = OpRegistry::entry(type);
    d.infer = infer;
    d.min_inputs = min_inputs;
    d.max_inputs = max_inputs;
    d.foldable = foldable;
}

OpVersion::OpVersion(const char* type, const char* version) { OpRegistry::entry(type).version = version; }

KernelRegistration::KernelRegistration(const char* type, EvalFn fn) {
    OpRegistry::entry(type).reference = fn;
}

bool ShapeContext::int_values(size_t i, std::vector<int64_t>& out) const {
    const Tensor* v = value(i);
    if (!v) return false;
    out = v->as_int64();
    return true;
}

void ShapeContext::fail_input(size_t i, const std::string& reason) const {
    fail(node.describe(), " input ", i, ": ", reason);
}

}  // namespace ovkit
