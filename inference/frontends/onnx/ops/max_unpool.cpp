// ONNX MaxUnpool: the values scattered to their flat indices (as MaxPool's Indices give
// them) in a zero tensor of the default output shape [N, C, (in - 1) * stride + kernel - pads],
//   Reshape(ScatterElementsUpdate(Broadcast(0, [size]), flat indices, flat values, 0), shape)
// then, when the `output_shape` input asks for more, padded with zeros at the end of each
// axis (as the ONNX reference and PyTorch place the values).
#include "window_attributes.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> max_unpool(NodeContext& c) {
    Output x = c.input(0), indices = c.input(1);
    const PartialShape& xs = x.shape();
    if (!xs.is_static()) c.fail("the input shape must be known, got ", xs.to_string());
    Shape s = xs.to_shape();
    int64_t spatial = int64_t(s.size()) - 2;
    auto kernel = c.attr_ints("kernel_shape");
    auto strides = c.attr_ints("strides", std::vector<int64_t>(size_t(spatial), 1));
    auto pads = c.attr_ints("pads", std::vector<int64_t>(size_t(2 * spatial), 0));
    if (spatial < 1 || int64_t(kernel.size()) != spatial || int64_t(strides.size()) != spatial ||
        int64_t(pads.size()) != 2 * spatial)
        c.fail("kernel_shape, strides and pads do not match the spatial dimensions of ", to_string(s));
    std::vector<int64_t> shape{s[0], s[1]};
    for (int64_t i = 0; i < spatial; ++i)
        shape.push_back((s[2 + i] - 1) * strides[i] + kernel[i] - pads[i] - pads[spatial + i]);

    Output zeros = c.make("Broadcast", {c.scalar(x.type(), 0), c.const_i64({shape_size(shape)})},
                          {{"mode", std::string("numpy")}});
    Output flat = c.make("ScatterElementsUpdate", {zeros, reshape_folded(c, indices, {-1}), reshape_folded(c, x, {-1}), c.scalar_i64(0)},
                         {{"reduction", std::string("none")}, {"use_init_val", true}});
    Output y = reshape_folded(c, flat, shape);
    if (!c.has_input(2)) return {y};
    Output pads_end = c.make("Subtract", {c.input(2), c.const_i64(shape)});
    return {c.make("Pad", {y, c.const_i64(std::vector<int64_t>(s.size(), 0)), pads_end, c.scalar(x.type(), 0)},
                   {{"pad_mode", std::string("constant")}})};
}

}  // namespace

ONNX_OP("MaxUnpool", 9, max_unpool);

}  // namespace ovkit::onnx_frontend
