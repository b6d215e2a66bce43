// ONNX Conv -> Convolution, or GroupConvolution for group > 1 with weights reshaped to
// [G, M/G, C/G, k...]; the optional bias is added broadcast over channels.
// ConvInteger -> Convolution on i32 after subtracting zero points.
// QLinearConv -> dequantize, Convolution in float (bias scaled by x_scale * w_scale), quantize.
#include "quantization.h"
#include "window_attributes.h"

namespace ovkit::onnx_frontend {
namespace {

// The shared body: x [N, C, ...], w [M, C/group, k...], optional bias [M].
Output convolution(NodeContext& c, Output x, Output w, Output bias) {
    int64_t spatial = spatial_rank(c, w);
    int64_t group = group_attr(c);
    Attributes attrs = window_attributes(c, spatial, true);
    Output y = group == 1 ? c.make("Convolution", {x, w}, attrs)
                          : c.make("GroupConvolution", {x, split_groups(c, w, group)}, attrs);
    if (bias) y = c.make("Add", {y, per_axis(c, bias, spatial + 2, 1)});
    return y;
}

std::vector<Output> conv(NodeContext& c) { return {convolution(c, c.input(0), c.input(1), optional_input(c, 2))}; }

std::vector<Output> conv_integer(NodeContext& c) {
    Output w = c.input(1);
    int64_t rank = spatial_rank(c, w) + 2;
    Output x = shift_to(c, c.input(0), optional_input(c, 2), ElementType::i32, rank, 1);
    w = shift_to(c, w, optional_input(c, 3), ElementType::i32, rank, 0);
    return {convolution(c, x, w, {})};
}

std::vector<Output> qlinear_conv(NodeContext& c) {
    Output w = c.input(3), x_scale = c.input(1), w_scale = c.input(4);
    int64_t rank = spatial_rank(c, w) + 2;
    Output x = dequantize(c, c.input(0), x_scale, c.input(2), rank, 1);
    Output wf = dequantize(c, w, w_scale, c.input(5), rank, 0);
    Output bias;
    if (c.has_input(8))
        bias = c.make("Multiply", {c.make("Convert", {c.input(8)}, {{"destination_type", std::string(type_name(x_scale.type()))}}),
                                   c.make("Multiply", {x_scale, w_scale})});
    Output y_zero = c.input(7);
    return {quantize(c, convolution(c, x, wf, bias), c.input(6), y_zero, rank, 1, y_zero.type())};
}

}  // namespace

ONNX_OP("Conv", 1, conv);
ONNX_OP("ConvInteger", 10, conv_integer);
ONNX_OP("QLinearConv", 10, qlinear_conv);

}  // namespace ovkit::onnx_frontend
