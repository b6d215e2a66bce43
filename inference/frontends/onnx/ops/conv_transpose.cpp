// ONNX ConvTranspose -> ConvolutionBackpropData, or GroupConvolutionBackpropData for
// group > 1 with weights [C, M/G, k...] reshaped to [G, C/G, M/G, k...]; the optional bias
// is added broadcast over channels. An `output_shape` attribute becomes the op's
// output_shape input, with the padding total split as ONNX does: SAME_UPPER puts the odd
// unit at the end, otherwise at the beginning (OpenVINO's same_lower).
#include "window_attributes.h"

namespace ovkit::onnx_frontend {
namespace {

std::vector<Output> conv_transpose(NodeContext& c) {
    Output x = c.input(0), w = c.input(1);
    int64_t spatial = spatial_rank(c, w);
    int64_t group = group_attr(c);
    Attributes attrs = window_attributes(c, spatial, true);
    auto output_padding = c.attr_ints("output_padding", std::vector<int64_t>(size_t(spatial), 0));
    if (int64_t(output_padding.size()) != spatial)
        c.fail("'output_padding' has ", output_padding.size(), " values, expected ", spatial);
    attrs.set("output_padding", output_padding);
    std::vector<Output> inputs{x, w};
    if (c.has_attr("output_shape")) {
        auto shape = c.attr_ints("output_shape");
        if (int64_t(shape.size()) == spatial + 2) shape.erase(shape.begin(), shape.begin() + 2);
        if (int64_t(shape.size()) != spatial) c.fail("'output_shape' has ", shape.size(), " values, expected ", spatial);
        inputs.push_back(c.const_i64(shape));
        attrs.set("auto_pad", std::string(attrs.get_string("auto_pad") == "same_upper" ? "same_upper" : "same_lower"));
    }
    if (group > 1) inputs[1] = split_groups(c, w, group);
    Output y = c.make(group > 1 ? "GroupConvolutionBackpropData" : "ConvolutionBackpropData", inputs, attrs);
    if (c.has_input(2)) y = c.make("Add", {y, per_axis(c, c.input(2), spatial + 2, 1)});
    return {y};
}

}  // namespace

ONNX_OP("ConvTranspose", 1, conv_transpose);

}  // namespace ovkit::onnx_frontend
