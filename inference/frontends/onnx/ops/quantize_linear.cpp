// ONNX QuantizeLinear, DequantizeLinear (per-tensor or per-axis, opset 10 and 13) and
// DynamicQuantizeLinear, decomposed as in quantization.h.
#include "quantization.h"

namespace ovkit::onnx_frontend {
namespace {

int64_t input_rank(NodeContext& c) {
    const PartialShape& s = c.input(0).shape();
    if (!s.rank_is_static()) c.fail("input 0 has dynamic rank");
    return s.rank();
}

// The normalized `axis` attribute (opset 13) for a per-axis (1-D) scale; 0 for a
// per-tensor one, whose axis does not matter.
int64_t scale_axis(NodeContext& c, int64_t rank, Output scale) {
    const PartialShape& s = scale.shape();
    if (!s.rank_is_static() || s.rank() != 1 || s[0] == Dimension(1)) return 0;
    return normalize_axis(c.attr_int("axis", 1), rank, c.name());
}

std::vector<Output> quantize_linear(NodeContext& c) {
    int64_t rank = input_rank(c);
    Output zero = optional_input(c, 2);
    return {quantize(c, c.input(0), c.input(1), zero, rank, scale_axis(c, rank, c.input(1)),
                     zero ? zero.type() : ElementType::u8)};
}

std::vector<Output> dequantize_linear(NodeContext& c) {
    int64_t rank = input_rank(c);
    return {dequantize(c, c.input(0), c.input(1), optional_input(c, 2), rank, scale_axis(c, rank, c.input(1)))};
}

// scale = (max(0, max(x)) - min(0, min(x))) / 255, zero point = saturate(round(-min / scale)),
// y = saturate(round(x / scale) + zero point), all u8.
std::vector<Output> dynamic_quantize_linear(NodeContext& c) {
    Output x = c.input(0);
    int64_t rank = input_rank(c);
    std::vector<int64_t> axes;
    for (int64_t i = 0; i < rank; ++i) axes.push_back(i);
    Attributes reduce{{"keep_dims", false}};
    Output zero = c.scalar(x.type(), 0);
    Output lo = c.make("Minimum", {c.make("ReduceMin", {x, c.const_i64(axes)}, reduce), zero});
    Output hi = c.make("Maximum", {c.make("ReduceMax", {x, c.const_i64(axes)}, reduce), zero});
    Output scale = c.make("Divide", {c.make("Subtract", {hi, lo}), c.scalar(x.type(), 255)});
    Output zero_point = quantize(c, c.make("Subtract", {zero, lo}), scale, {}, 0, 0, ElementType::u8);
    return {quantize(c, x, scale, zero_point, rank, 0, ElementType::u8), scale, zero_point};
}

}  // namespace

ONNX_OP("QuantizeLinear", 10, quantize_linear);
ONNX_OP("DequantizeLinear", 10, dequantize_linear);
ONNX_OP("DynamicQuantizeLinear", 11, dynamic_quantize_linear);

}  // namespace ovkit::onnx_frontend
