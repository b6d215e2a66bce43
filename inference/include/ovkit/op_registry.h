#pragma once
// Every op type registers one OpDef beside its implementation: shape/type inference in
// inference/ops/<op>.cpp, the reference kernel in devices/reference/kernels/<op>.cpp.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ovkit/model.h"

namespace ovkit {

// What shape inference sees: input types, shapes and (when known) values. The same
// function serves compile time (partial shapes, constant values only) and run time
// (static shapes, all values), so each op's shape rule is written once.
struct ShapeContext {
    const Node& node;
    std::vector<ElementType> in_types;
    std::vector<PartialShape> in_shapes;
    std::vector<const Tensor*> in_values;  // null where unknown
    std::vector<ElementType> out_types;    // to fill, sized to node.outputs
    std::vector<PartialShape> out_shapes;

    size_t inputs() const { return in_types.size(); }
    const Tensor* value(size_t i) const { return i < in_values.size() ? in_values[i] : nullptr; }
    // Known input value as int64 list, or false.
    bool int_values(size_t i, std::vector<int64_t>& out) const;
    void set_output(size_t i, ElementType t, PartialShape s) {
        if (out_types.size() <= i) { out_types.resize(i + 1); out_shapes.resize(i + 1); }
        out_types[i] = t;
        out_shapes[i] = std::move(s);
    }
    [[noreturn]] void fail_input(size_t i, const std::string& reason) const;
};

class Model;
struct EvalContext {
    // Runs a body model (If/Loop/TensorIterator) on the given parameter values.
    std::function<std::vector<Tensor>(const Model&, const std::vector<Tensor>&)> run_body;
    // Variables of ReadValue/Assign, owned by the infer request.
    std::map<std::string, Tensor>* variables = nullptr;
};

using InferFn = void (*)(ShapeContext&);
// Outputs arrive sized; each has type set, and data allocated when its shape was static
// after inference. A kernel with data-dependent output shapes assigns outputs[i] itself.
using EvalFn = void (*)(const Node&, const std::vector<Tensor>& inputs,
                        std::vector<Tensor>& outputs, EvalContext&);

struct OpDef {
    std::string type;
    InferFn infer = nullptr;
    EvalFn reference = nullptr;  // filled by the reference device
    bool foldable = true;        // false: Parameter, ReadValue, random ops
    std::string version = "opset1";  // the OpenVINO opset that defines these semantics; "ovkit" for our own
    int min_inputs = 0, max_inputs = 1 << 20;
};

class OpRegistry {
public:
    static OpDef& entry(const std::string& type);       // creates on first use
    static const OpDef* find(const std::string& type);  // null when the op has no infer
    static std::vector<std::string> types();
};

struct OpRegistration {
    OpRegistration(const char* type, InferFn infer, int min_inputs = 0, int max_inputs = 1 << 20,
                   bool foldable = true);
};
struct OpVersion {
    OpVersion(const char* type, const char* version);
};
struct KernelRegistration {
    KernelRegistration(const char* type, EvalFn fn);
};

#define OVKIT_CAT2(a, b) a##b
#define OVKIT_CAT(a, b) OVKIT_CAT2(a, b)
// OVKIT_OP("Add", infer_fn, min_inputs, max_inputs)
#define OVKIT_OP(type, ...) \
    static const ::ovkit::OpRegistration OVKIT_CAT(ovkit_op_, __COUNTER__){type, __VA_ARGS__}
// OVKIT_OP_VERSION("Softmax", "opset8"): ops newer than opset1, or "ovkit" for ops OpenVINO lacks
#define OVKIT_OP_VERSION(type, version) \
    static const ::ovkit::OpVersion OVKIT_CAT(ovkit_op_version_, __COUNTER__){type, version}
// OVKIT_REFERENCE_KERNEL("Add", eval_fn)
#define OVKIT_REFERENCE_KERNEL(type, fn) \
    static const ::ovkit::KernelRegistration OVKIT_CAT(ovkit_kernel_, __COUNTER__){type, fn}

}  // namespace ovkit
