// ONNX MaxUnpool: the values scattered to their flat indices (as MaxPool's Indices give
// them, over the whole output tensor) in a zero tensor of the output shape:
//   Reshape(ScatterElementsUpdate(Broadcast(0, [size]), flat indices, flat values, 0), shape)
// The output shape is the `output_shape` input, else N, C and per spatial axis
// (in - 1) * stride + kernel - pads.
#include "window_attributes.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> max_unpool(NodeContext& c) {
    Output x = c.input(0), indices = c.input(1);
    Output shape;
    if (c.has_input(2)) {
        shape = c.input(2);
    } else {
        const PartialShape& xs = x.shape();
        if (!xs.is_static()) c.fail("without output_shape the input shape must be known, got ", xs.to_string());
        Shape s = xs.to_shape();
        int64_t spatial = int64_t(s.size()) - 2;
        auto kernel = c.attr_ints("kernel_shape");
        auto strides = c.attr_ints("strides", std::vector<int64_t>(size_t(spatial), 1));
        auto pads = c.attr_ints("pads", std::vector<int64_t>(size_t(2 * spatial), 0));
        if (int64_t(kernel.size()) != spatial || int64_t(strides.size()) != spatial || int64_t(pads.size()) != 2 * spatial)
            c.fail("kernel_shape, strides and pads do not match ", spatial, " spatial dimensions of ", to_string(s));
        std::vector<int64_t> out{s[0], s[1]};
        for (int64_t i = 0; i < spatial; ++i)
            out.push_back((s[2 + i] - 1) * strides[i] + kernel[i] - pads[i] - pads[spatial + i]);
        shape = c.const_i64(out);
    }
    Output flat_size = c.make("ReduceProd", {shape, c.const_i64({0})}, {{"keep_dims", true}});
    Output zeros = c.make("Broadcast", {c.scalar(x.type(), 0), flat_size}, {{"mode", std::string("numpy")}});
    Output flat = c.make("ScatterElementsUpdate", {zeros, reshape(c, indices, {-1}), reshape(c, x, {-1}), c.scalar_i64(0)});
    return {c.make("Reshape", {flat, shape}, {{"special_zero", false}})};
}

}  // namespace

ONNX_OP("MaxUnpool", 9, max_unpool);

}  // namespace ovkit::onnx_frontend
