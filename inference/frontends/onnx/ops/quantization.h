#pragma once
// Linear (de)quantization as OpenVINO graphs, shared by QuantizeLinear, DequantizeLinear,
// DynamicQuantizeLinear, QLinearConv, QLinearMatMul, ConvInteger and MatMulInteger:
//   dequantize: (Convert(x) - Convert(zero_point)) * scale
//   quantize:   Convert(Clamp(Round_half_to_even(x / scale) + zero_point, type range))
// Per-axis scales and zero points (1-D) are reshaped to broadcast along `axis` of an
// operand of rank `rank`.
#include "window_attributes.h"

namespace ovkit::onnx_frontend {

inline Output convert_to(NodeContext& c, Output x, ElementType type) {
    if (x.type() == type) return x;
    return c.make("Convert", {x}, {{"destination_type", std::string(type_name(type))}});
}

// Convert(x, type) minus Convert(zero, type) broadcast along `axis`; x alone when `zero`
// is absent.
inline Output shift_to(NodeContext& c, Output x, Output zero, ElementType type, int64_t rank, int64_t axis) {
    Output y = convert_to(c, x, type);
    if (!zero) return y;
    return c.make("Subtract", {y, per_axis(c, convert_to(c, zero, type), rank, axis)});
}

inline Output dequantize(NodeContext& c, Output x, Output scale, Output zero, int64_t rank, int64_t axis) {
    Output shifted = shift_to(c, x, zero, scale.type(), rank, axis);
    return c.make("Multiply", {shifted, per_axis(c, scale, rank, axis)});
}

inline Output quantize(NodeContext& c, Output x, Output scale, Output zero, int64_t rank, int64_t axis,
                       ElementType type) {
    double lo, hi;
    switch (type) {
    case ElementType::u8: lo = 0, hi = 255; break;
    case ElementType::i8: lo = -128, hi = 127; break;
    case ElementType::u16: lo = 0, hi = 65535; break;
    case ElementType::i16: lo = -32768, hi = 32767; break;
    default: c.fail("quantizing to ", type_name(type), " is not supported (u8, i8, u16, i16)");
    }
    Output y = c.make("Divide", {x, per_axis(c, scale, rank, axis)});
    y = c.make("Round", {y}, {{"mode", std::string("half_to_even")}});
    if (zero) y = c.make("Add", {y, per_axis(c, convert_to(c, zero, x.type()), rank, axis)});
    y = c.make("Clamp", {y}, {{"min", lo}, {"max", hi}});
    return convert_to(c, y, type);
}

}  // namespace ovkit::onnx_frontend
