// f32 weights stored as f16 + a decompression Convert, as OpenVINO's CompressFloatConstants
// does for `ovc --compress_to_fp16` / `save_model(..., compress_to_fp16=True)`.
#include <cmath>

#include "ovkit/exception.h"
#include "ovkit/ir.h"
#include "ovkit/op_registry.h"

namespace ovkit {

namespace {

constexpr float kF16Max = 65504.0f;

bool fits_f16(const Tensor& t) {
    const float* v = t.data<float>();
    for (int64_t i = 0; i < t.size(); ++i)
        if (std::isfinite(v[i]) && std::fabs(v[i]) > kF16Max) return false;
    return true;
}

// The Constant node itself becomes the Convert, so its name, tensor names and consumers stay;
// the f16 Constant feeding it is NAME_compressed.
void compress(Model& model, Node& c, const OpDef* convert) {
    Tensor half(ElementType::f16, c.value.shape());
    const float* src = c.value.data<float>();
    for (int64_t i = 0; i < half.size(); ++i) half.data<float16>()[i] = float16(src[i]);
    Output compressed = model.add_constant(half, c.name + "_compressed");
    c.type = "Convert";
    c.def = convert;
    c.version = "opset1";
    c.value = Tensor();
    c.attrs = Attributes{{"destination_type", std::string(type_name(ElementType::f32))}};
    c.inputs = {compressed};
}

size_t compress_model(Model& model, const OpDef* convert) {
    size_t count = 0;
    std::vector<Node*> targets;
    for (const auto& n : model.nodes()) {
        for (const auto& body : n->bodies) count += compress_model(*body, convert);
        if (n->type == "Constant" && n->value.type() == ElementType::f32 && fits_f16(n->value))
            targets.push_back(n.get());
    }
    for (Node* c : targets) compress(model, *c, convert);
    if (!targets.empty()) {
        model.cleanup();  // puts each new Constant before its Convert
        model.validate_all();
    }
    return count + targets.size();
}

}  // namespace

size_t compress_to_fp16(Model& model) {
    const OpDef* convert = OpRegistry::find("Convert");
    check(convert != nullptr, "compress_to_fp16 needs the Convert operation, which this build does not have");
    return compress_model(model, convert);
}

}  // namespace ovkit
