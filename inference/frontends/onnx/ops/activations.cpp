// ONNX activations. Direct: Sigmoid, Tanh, Softplus -> SoftPlus, Softsign -> SoftSign,
// HardSwish -> HSwish, Mish. With parameters: Elu, Selu, HardSigmoid, Gelu, LeakyRelu and
// PRelu -> PRelu. Decomposed as OpenVINO's ONNX frontend does: Celu, ThresholdedRelu, Shrink.
#include "direct.h"

namespace ovkit::onnx_frontend {
namespace {

constexpr char kSigmoid[] = "Sigmoid", kTanh[] = "Tanh", kSoftPlus[] = "SoftPlus", kSoftSign[] = "SoftSign",
               kHSwish[] = "HSwish", kMish[] = "Mish";

std::vector<Output> elu(NodeContext& c) {
    return {c.make("Elu", {c.input(0)}, Attributes{{"alpha", double(c.attr_float("alpha", 1.0f))}})};
}

std::vector<Output> selu(NodeContext& c) {
    Output x = c.input(0);
    return {c.make("Selu", {x, c.scalar(x.type(), c.attr_float("alpha", 1.67326319217681884765625f)),
                            c.scalar(x.type(), c.attr_float("gamma", 1.05070102214813232421875f))})};
}

std::vector<Output> hard_sigmoid(NodeContext& c) {
    Output x = c.input(0);
    return {c.make("HardSigmoid", {x, c.scalar(x.type(), c.attr_float("alpha", 0.2f)),
                                   c.scalar(x.type(), c.attr_float("beta", 0.5f))})};
}

std::vector<Output> leaky_relu(NodeContext& c) {
    Output x = c.input(0);
    return {c.make("PRelu", {x, c.scalar(x.type(), c.attr_float("alpha", 0.01f))})};
}

// ONNX broadcasts the slope numpy-style, while PRelu applies a 1-D slope matching data's axis
// 1 per channel. Where that could differ, a constant slope is given a leading unit dimension
// (numpy-equivalent, and no longer 1-D); a computed one goes through Select instead.
std::vector<Output> prelu(NodeContext& c) {
    Output x = c.input(0), slope = c.input(1);
    int64_t rank = x.shape().rank();
    bool per_channel_possible = slope.shape().rank() == 1 && (rank < 0 || rank > 2);
    if (!per_channel_possible) return {c.make("PRelu", {x, slope})};
    const Tensor* v = c.constant_value(slope);
    if (v && rank > 2)
        return {c.make("PRelu", {x, c.constant(v->reshaped({1, v->size()}))})};
    Output negative = c.make("Less", {x, c.scalar(x.type(), 0.0)});
    return {c.make("Select", {negative, c.make("Multiply", {x, slope}), x})};
}

std::vector<Output> gelu(NodeContext& c) {
    std::string approximate = c.attr_string("approximate", "none");
    if (approximate != "none" && approximate != "tanh") c.fail("approximate '", approximate, "' is not none or tanh");
    return {c.make("Gelu", {c.input(0)},
                   Attributes{{"approximation_mode", std::string(approximate == "tanh" ? "TANH" : "ERF")}})};
}

// alpha * Elu(x / alpha, 1)
std::vector<Output> celu(NodeContext& c) {
    Output x = c.input(0), alpha = c.scalar(x.type(), c.attr_float("alpha", 1.0f));
    Output elu = c.make("Elu", {c.make("Divide", {x, alpha})}, Attributes{{"alpha", 1.0}});
    return {c.make("Multiply", {alpha, elu})};
}

// x * (x > alpha)
std::vector<Output> thresholded_relu(NodeContext& c) {
    Output x = c.input(0);
    Output mask = c.make("Greater", {x, c.scalar(x.type(), c.attr_float("alpha", 1.0f))});
    return {c.make("Multiply", {x, c.make("Convert", {mask}, Attributes{{"destination_type", std::string(type_name(x.type()))}})})};
}

// x < -lambd ? x + bias : (x > lambd ? x - bias : 0)
std::vector<Output> shrink(NodeContext& c) {
    Output x = c.input(0);
    double lambd = c.attr_float("lambd", 0.5f), bias = c.attr_float("bias", 0.0f);
    Output b = c.scalar(x.type(), bias);
    Output above = c.make("Select", {c.make("Greater", {x, c.scalar(x.type(), lambd)}), c.make("Subtract", {x, b}),
                                     c.scalar(x.type(), 0.0)});
    return {c.make("Select", {c.make("Less", {x, c.scalar(x.type(), -lambd)}), c.make("Add", {x, b}), above})};
}

}  // namespace

ONNX_OP("Sigmoid", 1, direct<kSigmoid>);
ONNX_OP("Tanh", 1, direct<kTanh>);
ONNX_OP("Softplus", 1, direct<kSoftPlus>);
ONNX_OP("Softsign", 1, direct<kSoftSign>);
ONNX_OP("HardSwish", 14, direct<kHSwish>);
ONNX_OP("Mish", 18, direct<kMish>);
ONNX_OP("Elu", 1, elu);
ONNX_OP("Selu", 1, selu);
ONNX_OP("HardSigmoid", 1, hard_sigmoid);
ONNX_OP("LeakyRelu", 1, leaky_relu);
ONNX_OP("PRelu", 1, prelu);
ONNX_OP("Gelu", 20, gelu);
ONNX_OP("Celu", 12, celu);
ONNX_OP("ThresholdedRelu", 10, thresholded_relu);
ONNX_OP("Shrink", 9, shrink);

}  // namespace ovkit::onnx_frontend
